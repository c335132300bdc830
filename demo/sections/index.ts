import type { DemoSection } from '../shell.js';

/** One section per widget; each widget issue adds its own. */
export const sections: DemoSection[] = [];
