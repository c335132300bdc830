// `npm run demo:static`: the same demo with the reference backend's simulator running in the page
// (stripe-widget-kit/testing's simulator and its event source), so the built folder opens from any
// static host or a file:// copy, with no server at all.
import '../src/index.js';
import { createSimulator } from '../src/testing/index.js';
import { sections } from './sections/index.js';
import { setupShell } from './shell.js';

const simulator = createSimulator();
simulator.install();
void setupShell(sections, { fetch: simulator, simulatorLabel: 'Mode: offline simulator running in this page (static build: no server, simulated data).' });
