// `npm test` step (after the build): the shipped typings, as users compile them. TSX with React 19
// and React 18 types (@types/react-18 through `paths`), a Vue SFC with vue-tsc (strictTemplates) and
// Svelte 5 components with svelte-check. Correct usage must pass; each mistake must fail
// (`@ts-expect-error` / `@vue-expect-error`; for Svelte, an `expect-error` comment before the line).
// Run with `node --import tsx` (npm test does). Prints `types: N passed, N failed`; writes the counts to NODE_SUMMARY_FILE when set.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
// The one README block reader (the e2e tests' too): this script runs under tsx (`node --import tsx`).
import { readmeBlocks } from '../e2e/support/readme-blocks.ts';

const bin = (name) => resolve('node_modules/.bin', name);
const counts = { passed: 0, failed: 0 };

function check(name, command, args, verdict = (r) => (r.status === 0 ? '' : 'exit code ' + r.status)) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  const problem = verdict(result);
  if (problem) {
    counts.failed += 1;
    console.log(`FAIL ${name}: ${problem}\n${result.stdout}${result.stderr}`);
  } else {
    counts.passed += 1;
    console.log(`ok   ${name}`);
  }
}

const svelteCheck = (workspace) => [
  '--tsconfig', resolve(workspace, 'tsconfig.json'), '--workspace', resolve(workspace), '--output', 'machine', '--fail-on-warnings',
];

/** Writes the README's blocks of `lang` into `dir` (made anew, git-ignored) as `Readme<N>.<lang>`; returns how many. */
function writeReadmeBlocks(lang, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const blocks = readmeBlocks([lang]);
  blocks.forEach((block, index) => writeFileSync(join(dir, `Readme${index + 1}.${lang}`), block.code));
  return blocks.length;
}

// The README's Vue and Svelte blocks are type-checked like the fixtures (with the kit's typings in the program).
const readmeVue = writeReadmeBlocks('vue', 'types-test/vue/readme');
const readmeSvelte = writeReadmeBlocks('svelte', 'types-test/svelte/readme');
for (const file of ['tsconfig.json', 'svelte.config.js']) copyFileSync(join('types-test/svelte/ok', file), join('types-test/svelte/readme', file));
if (readmeVue === 0 || readmeSvelte === 0) {
  counts.failed += 1;
  console.log(`FAIL README blocks: ${readmeVue} Vue and ${readmeSvelte} Svelte blocks found`);
}

check('JSX CustomElements and React wrappers, React 19 types', bin('tsc'), ['-p', 'types-test/tsconfig.react19.json']);
check('React wrappers, React 18 types', bin('tsc'), ['-p', 'types-test/tsconfig.react18.json']);
check(`Vue GlobalComponents, vue-tsc strictTemplates (the fixture and the README's ${readmeVue} Vue blocks)`, bin('vue-tsc'), ['-p', 'types-test/tsconfig.vue.json']);
check('Svelte 5 elements, correct usage', bin('svelte-check'), svelteCheck('types-test/svelte/ok'));
check(`the README's ${readmeSvelte} Svelte blocks`, bin('svelte-check'), svelteCheck('types-test/svelte/readme'));
check('Svelte 5 elements, mistakes', bin('svelte-check'), svelteCheck('types-test/svelte/mistakes'), (result) => {
  const source = readFileSync('types-test/svelte/mistakes/Mistakes.svelte', 'utf8').split('\n');
  const expected = source.flatMap((line, index) => (line.includes('<!-- expect-error') ? [index + 2] : []));
  const errorLines = [...result.stdout.matchAll(/^\d+ ERROR "Mistakes\.svelte" (\d+):\d+/gm)].map((m) => Number(m[1]));
  const missing = expected.filter((line) => !errorLines.includes(line));
  const unexpected = errorLines.filter((line) => !expected.includes(line));
  if (expected.length === 0) return 'no expect-error comments found';
  if (missing.length) return `no error on line(s) ${missing.join(', ')}`;
  if (unexpected.length) return `unexpected error on line(s) ${unexpected.join(', ')}`;
  return '';
});

console.log(`types: ${counts.passed} passed, ${counts.failed} failed`);
if (process.env.NODE_SUMMARY_FILE) writeFileSync(process.env.NODE_SUMMARY_FILE, JSON.stringify(counts));
process.exit(counts.failed === 0 ? 0 : 1);
