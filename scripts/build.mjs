// `npm run build`: ES entries (deps external), the script-tag IIFE (all bundled), the Node server
// entry, and .d.ts types, all into dist/.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
run('npx', ['--no-install', 'vite', 'build', '--mode', 'lib', '--logLevel', 'warn']);
run('npx', ['--no-install', 'vite', 'build', '--mode', 'iife', '--logLevel', 'warn']);
await build({
  entryPoints: ['server/index.ts'],
  outfile: 'dist/server/index.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.build.json']);
console.log('built dist/');
