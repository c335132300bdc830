import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { createBackend } from '../server/app.js';
import { nodeHandler } from '../server/node-adapter.js';
import { ensureBuilt } from './support/build.js';
import { typeCheck as runTsc } from './support/type-check.js';
import { openLocalSite, type LocalSite } from './support/local-site.js';

// README's French catalog, as written: type-checked against the shipped typings (and a missing or a
// misspelt key must fail), then bundled with the built kit and rendered under <html lang="fr">
// against the reference backend's simulator.

const ROOT = resolve(import.meta.dirname, '..');
const MARKER = '<!-- readme-test: messages-fr -->';

function readmeBlock(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(MARKER);
  assert.notEqual(at, -1, `README.md has no ${MARKER}`);
  const block = /^```ts\n([\s\S]*?)^```$/m.exec(readme.slice(at + MARKER.length));
  assert.ok(block, `no \`\`\`ts block after ${MARKER}`);
  return block[1]!;
}

const PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Catalogue</title>
<script type="module" src="/app.js"></script></head><body>
<spt-token-status endpoint="/api/shared_payment/granted_tokens" token-id="spt_sim_active"></spt-token-status>
<climate-order-status endpoint="/api/climate/orders" order-id="climorder_sim_open"></climate-order-status>
<capital-offer-card endpoint="/api/capital/financing_offers" offer-id="financingoffer_live_demo"></capital-offer-card>
<payment-capture-status endpoint="/api/payment_intents" payment-intent-id="pi_sim_capture_pending_connect"></payment-capture-status>
<fc-link-account endpoint="/api/financial_connections/sessions" accounts-endpoint="/api/financial_connections/accounts" permissions="balances"></fc-link-account>
<climate-order-form endpoint="/api/climate"></climate-order-form>
</body></html>`;

describe("README's French catalog", () => {
  const work = mkdtempSync(join(tmpdir(), 'swk-readme-fr-'));
  const block = readmeBlock();

  function typeCheck(source: string) {
    writeFileSync(join(work, 'fr.ts'), source);
    const paths = {
      'stripe-widget-kit': [join(ROOT, 'dist/types/src/index.d.ts')],
      'stripe-widget-kit/messages': [join(ROOT, 'dist/types/src/messages.d.ts')],
    };
    return runTsc(work, 'tsconfig.json', { paths }, { files: ['fr.ts'] });
  }

  before(() => ensureBuilt());
  after(() => rmSync(work, { recursive: true, force: true }));

  it('compiles against the shipped typings', () => {
    const result = typeCheck(block);
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });

  it('does not compile with a key missing or misspelt', () => {
    const missing = block.replace("    retrying: 'Nouvel essai…',\n", '');
    assert.notEqual(missing, block);
    const missingResult = typeCheck(missing);
    assert.notEqual(missingResult.status, 0);
    assert.match(missingResult.stdout, /Property 'retrying' is missing/);
    const misspelt = block.replace("    retrying: 'Nouvel essai…',", "    retryng: 'Nouvel essai…',");
    const misspeltResult = typeCheck(misspelt);
    assert.notEqual(misspeltResult.status, 0);
    assert.match(misspeltResult.stdout, /'retryng' does not exist in type/);
  });

  describe('rendered with the built kit under lang="fr"', () => {
    let site: LocalSite;
    let app = '';

    before(async () => {
      writeFileSync(join(work, 'fr.ts'), block);
      // Dev mode on: a text the catalog lacked at run time would print a warning.
      writeFileSync(join(work, 'main.ts'), "import { configure } from 'stripe-widget-kit';\nconfigure({ dev: true });\nawait import('./fr.ts');\n");
      const bundle = await build({
        entryPoints: [join(work, 'main.ts')],
        bundle: true,
        write: false,
        format: 'esm',
        target: 'es2022',
        logLevel: 'silent',
        alias: { 'stripe-widget-kit': join(ROOT, 'dist/index.js'), 'stripe-widget-kit/messages': join(ROOT, 'dist/messages.js') },
        nodePaths: [join(ROOT, 'node_modules')],
      });
      app = bundle.outputFiles[0]!.text;
      delete process.env.STRIPE_SECRET_KEY;
      const api = nodeHandler(createBackend({}).handle);
      site = await openLocalSite((req, res) => {
        if (req.url?.startsWith('/api/')) return api(req, res);
        const body = req.url === '/' ? PAGE : req.url === '/app.js' ? app : undefined;
        res.writeHead(body ? 200 : 404, { 'Content-Type': req.url === '/app.js' ? 'text/javascript' : 'text/html; charset=utf-8' });
        res.end(body ?? '');
      });
    });
    after(async () => site?.close());

    it('shows every widget in French, with French money formats, and warns about nothing', async () => {
      const page = await site.browser.newPage();
      const console: string[] = [];
      page.on('console', (message) => console.push(message.text()));
      page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
      await page.goto(site.origin);
      const text = (selector: string) => page.locator(selector).first().innerText();
      await page.locator('spt-token-status [part=status]').waitFor();
      assert.equal(await text('spt-token-status [part=title]'), 'Jeton de paiement partagé');
      assert.equal(await text('spt-token-status [part=status]'), 'Actif');
      assert.match(await text('spt-token-status [part=limit]'), /^[\d\s\u202f]+,\d\d\s\$US$/u);
      await page.locator('climate-order-status [part~=details]').waitFor();
      assert.equal(await text('climate-order-status [part=title]'), 'Commande de captation de carbone');
      await page.locator('capital-offer-card [part=amount]').waitFor();
      assert.equal(await text('capital-offer-card [part=title]'), 'Offre de financement');
      assert.match(await text('capital-offer-card [part=amount]'), /^[\d\s\u202f]+,\d\d\s\$US$/u);
      await page.locator('payment-capture-status [part=status]').waitFor();
      assert.equal(await text('payment-capture-status [part=title]'), 'Paiement');
      await page.locator('climate-order-form [part~=price]').first().waitFor();
      assert.equal(await text('climate-order-form [part=title]'), 'Acheter de la captation de carbone');
      assert.match(await text('climate-order-form [part~=price]'), /\$US/u);
      assert.equal(await text('fc-link-account [part=button]'), 'Associer un compte bancaire');
      // Linked (the simulator's session uses the kit's simulated Stripe.js): the account data's texts are the catalog's too.
      await page.locator('fc-link-account [part=button]').click();
      await page.locator('fc-link-account [part~=refresh-button]').first().waitFor();
      assert.equal(await text('fc-link-account [part~=refresh-button]'), 'Actualiser le solde');
      assert.equal(await text('fc-link-account [part~=balance-status]'), 'Aucun solde n’a encore été récupéré.');
      assert.deepEqual(
        console.filter((line) => line.startsWith('stripe-widget-kit:') || line.startsWith('pageerror')),
        [],
        'no missing-text warning, no page error',
      );
      await page.close();
    });
  });
});
