// Hydrates the server-rendered markup, as Next.js does with a client component.
import { hydrateRoot } from 'react-dom/client';
import { App } from './app.js';

hydrateRoot(document.getElementById('root') as HTMLElement, <App />);
