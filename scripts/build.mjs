// `npm run build`: ES entries (deps external), the script-tag IIFE (all bundled), the test kit, the Node server
// entries, .d.ts types, and the framework typings and editor data generated from the manifest, all
// into dist/.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const run = (cmd, args, env = {}) => execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });

rmSync('dist', { recursive: true, force: true });
run('npx', ['--no-install', 'vite', 'build', '--mode', 'lib', '--logLevel', 'warn']);
run('npx', ['--no-install', 'vite', 'build', '--mode', 'iife', '--logLevel', 'warn']);
// The test kit on its own, so that it changes none of the widgets' chunks (see vite.config.ts).
run('npx', ['--no-install', 'vite', 'build', '--mode', 'testing', '--logLevel', 'warn']);
await build({
  entryPoints: { index: 'server/index.ts', 'vite-plugin': 'server/vite-plugin.ts', cli: 'server/cli.ts' },
  outdir: 'dist/server',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.build.json']);
// Typings and editor data from the same analyzer run as custom-elements.json (written aside here:
// the committed manifest is checked by `npm run manifest:check`).
run('npx', ['--no-install', 'cem', 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', 'node_modules/.cache/swk-build-cem'], {
  SWK_INTEGRATIONS_OUT: 'dist/integrations',
});
console.log('built dist/');
