import Stripe from 'stripe';
import { createBackend } from './server/app.ts';
const secret = 'whsec_x';
const backend = createBackend({ webhookSecret: secret }, []);
const signer = new Stripe('sk_test_x');
let reads = 0;
const r = await backend.handle(new Request('http://127.0.0.1/api/events'));
const reader = r.body!.getReader();
(async () => { try { for (;;) { const { done } = await reader.read(); if (done) break; reads++; } } catch (e) { console.log('reader failed', String(e)); } })();
for (let i = 0; i < 5; i++) {
  const payload = JSON.stringify({ id: `evt_${i}`, object: 'event', type: 'x', data: { object: { id: `o_${i}`, object: 'climate.order' } } });
  const sig = signer.webhooks.generateTestHeaderString({ payload, secret });
  const res = await backend.handle(new Request('http://127.0.0.1/api/webhooks', { method: 'POST', headers: { 'stripe-signature': sig }, body: payload }));
  console.log(res.status, await res.text(), 'reads so far', reads);
}
process.exit(0);
