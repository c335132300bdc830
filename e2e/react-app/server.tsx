// Renders the page's markup in Node, as Next.js does before hydration.
import { renderToString } from 'react-dom/server';
import { App } from './app.js';

export const renderApp = (): string => renderToString(<App />);
