import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createBackend } from '../server/index.js';
import { ensureBuilt } from './support/build.js';
import { readmeBlocks } from './support/readme-blocks.js';
import { cdnProblems, cdnUrlsOf, linkProblems, linksOf } from './support/readme-links.js';

// Every Stripe object id the README names (examples and the simulator table) must be one the
// simulator serves, so that a copied example renders on `npm run demo` / `npx stripe-widget-kit-backend`.
const ROUTES: Record<string, string> = {
  financingoffer: '/capital/financing_offers/',
  climorder: '/climate/orders/',
  spt: '/shared_payment/granted_tokens/',
  pi: '/payment_intents/',
};
const ID = new RegExp(`\\b(${Object.keys(ROUTES).join('|')})_[A-Za-z0-9_]+\\b`, 'g');

describe('README ids', () => {
  const readme = readFileSync('README.md', 'utf8');
  const ids = [...new Set([...readme.matchAll(ID)].map((m) => m[0]))];

  it('names ids of every widget with an id', () => {
    for (const prefix of Object.keys(ROUTES)) assert.ok(ids.some((id) => id.startsWith(`${prefix}_`)), `no ${prefix}_ id in README.md`);
  });

  it('names only ids the simulator serves', async () => {
    const backend = createBackend({});
    const missing: string[] = [];
    for (const id of ids) {
      const prefix = id.slice(0, id.indexOf('_'));
      const response = await backend.handle(new Request(`http://127.0.0.1${backend.basePath}${ROUTES[prefix]}${id}`));
      const body = (await response.json()) as { id?: string };
      if (response.status !== 200 || body.id !== id) missing.push(`${id} (${response.status})`);
    }
    assert.deepEqual(missing, []);
  });
});

// The README as the npm registry page shows it, from the published tarball: every link and picture
// must resolve there, the pictures through jsDelivr's copy of this very version, and it must still
// open with the project's two from-a-clone commands, then the install line.
describe('README on the registry page', () => {
  const readme = readFileSync('README.md', 'utf8');
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; scripts: Record<string, string> };

  it('links only to in-page anchors that exist and to absolute https URLs', () => {
    assert.ok(linksOf(readme).length > 50, 'the link scan found the links');
    assert.deepEqual(linkProblems(readme), []);
  });

  it('names jsDelivr URLs of package.json\'s version and of files the tarball holds', () => {
    const urls = cdnUrlsOf(readme);
    assert.ok(urls.some((url) => url.path.startsWith('docs/screenshots/')), 'the screenshots go through jsDelivr');
    // A dist/ file is listed only once built; the README's CDN URLs name docs/ files and the package itself.
    if (urls.some((url) => url.path.startsWith('dist/'))) ensureBuilt();
    const pack = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const packed = new Set((JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path));
    assert.deepEqual(cdnProblems(readme, pkg.version, packed), []);
  });

  it('opens with the demo and the test commands, for a clone, then the install line', () => {
    const first = readmeBlocks(['sh', 'ts', 'tsx', 'js', 'html', 'css', 'json', 'vue', 'svelte', ''], readme)[0];
    assert.equal(first?.lang, 'sh', 'the first code block is the shell commands');
    const lines = first.code.split('\n').filter((line) => line.trim() !== '');
    const commands = lines.map((line) => line.replace(/\s+#.*$/, '').trim());
    assert.deepEqual(commands.slice(0, 2), ['npm ci && npm run demo', 'npm ci && npm test']);
    for (const line of lines.slice(0, 2)) assert.match(line, /#.*from a clone/, `"${line}" says it is for a clone`);
    assert.ok(pkg.scripts.demo && pkg.scripts.test, 'package.json has the demo and test scripts');
    assert.equal(/^## (.+)$/m.exec(readme)?.[1], 'Install', 'the first section is Install');
    assert.ok(
      readmeBlocks(['sh'], readme).some((block) => /^npm install stripe-widget-kit\s*$/m.test(block.code)),
      'a shell block has the line `npm install stripe-widget-kit`',
    );
  });

  // The checks above catch what they are for.
  it('would catch a relative picture, a missing anchor, another version and an unshipped file', () => {
    const broken = [
      '# Title',
      '## Set `up`: now',
      '[ok](#set-up-now) [gone](#nowhere) ![pic](docs/screenshots/a.png) [c](CONTRIBUTING.md)',
      '<img src="docs/b.png"> `[code](is-not-a-link.md)`',
      '```html',
      '<script src="/kit.js"></script>',
      '```',
      '![x](https://cdn.jsdelivr.net/npm/stripe-widget-kit@0.0.9/docs/screenshots/a.png)',
      '![y](https://cdn.jsdelivr.net/npm/stripe-widget-kit@1.2.3/docs/missing.png)',
    ].join('\n');
    assert.deepEqual(
      linkProblems(broken).map((problem) => problem.split(':')[0] + ' ' + problem.split(': ')[1]),
      ['line 3 #nowhere', 'line 3 docs/screenshots/a.png', 'line 3 CONTRIBUTING.md', 'line 4 docs/b.png'],
    );
    assert.equal(cdnProblems(broken, '1.2.3', new Set(['docs/screenshots/a.png'])).length, 2);
  });
});
