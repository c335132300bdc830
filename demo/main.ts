import '../src/index.js';
import { setupShell } from './shell.js';
import { sections } from './sections/index.js';

void setupShell(sections);
