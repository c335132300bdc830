// The script-tag build's settle-loader.ts: settle.ts is in the one file.
export { settled, untilReady } from './settle.js';
