// The CSP page's own script (a file, so `script-src 'self'` allows it): logs the widgets' events and,
// offline, gives <fc-link-account> a stand-in for Stripe.js that completes the simulated session on
// the reference backend. With real keys, drop the stand-in and allow https://js.stripe.com in
// script-src and frame-src (Stripe.js needs both).
const list = document.getElementById('events');
for (const type of ['swk-load', 'swk-error', 'swk-linked', 'swk-empty', 'swk-order-canceled', 'swk-offer-action', 'swk-offer-replaced', 'swk-token-expired', 'swk-capture-settled', 'swk-order-created']) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${event.target.localName}: ${type}`;
    list.prepend(item);
  });
}

// Stripe's Appearance object on one widget: a constructable stylesheet, so the strict CSP holds.
document.querySelector('fc-link-account').appearance = {
  theme: 'night',
  variables: { colorPrimary: '#0a7cff', borderRadius: '2px' },
  rules: { '.Button--primary': { textTransform: 'uppercase' } },
};

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

const mode = await fetch('/api/mode').then((r) => r.json()).catch(() => ({ mode: 'unknown' }));
if (mode.mode === 'simulator') {
  document.querySelector('fc-link-account').stripe = {
    // Links every account the simulated bank offers.
    async collectFinancialConnectionsAccounts({ clientSecret }) {
      const offered = await post('/api/simulator/financial_connections/accounts');
      return post('/api/simulator/financial_connections/sessions/complete', {
        client_secret: clientSecret,
        account_ids: offered.data.map((account) => account.id),
      });
    },
  };
}
