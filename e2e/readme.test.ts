import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { createBackend } from '../server/index.js';

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
