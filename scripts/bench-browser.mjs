// Browser half of `npm run bench`, in Debian's Chromium against the demo server (simulator mode):
// requests to Stripe before any user action, render cost of 100 of each widget (built IIFE), and
// live-update latency from a signed webhook POST to the widget's re-render.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
import { BENCH_WIDGETS } from './bench-widgets.mjs';

const RUNS = 5;
const COUNT = 100;
const LATENCY_SAMPLES = 20;
const SIMULATOR_SECRET = 'whsec_simulator_local_only';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function signedWebhook(type, object) {
  const payload = JSON.stringify({
    id: `evt_bench_${Math.random().toString(36).slice(2)}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    api_version: '2025-10-29.clover',
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', SIMULATOR_SECRET).update(`${timestamp}.${payload}`).digest('hex');
  return { payload, header: `t=${timestamp},v1=${signature}` };
}

export async function browserBench() {
  execFileSync('node', ['scripts/build.mjs'], { stdio: 'pipe' });
  const iife = readFileSync('dist/stripe-widget-kit.iife.js', 'utf8');
  delete process.env.STRIPE_SECRET_KEY;
  const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0, host: '127.0.0.1', hmr: false } });
  await server.listen();
  const origin = `http://127.0.0.1:${server.httpServer.address().port}`;
  const browser = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
  const results = { stripeRequestsBeforeAction: 0, render: [], liveUpdate: [] };
  try {
    // 1. Requests to Stripe before any user action, on the demo page with every widget.
    const page = await browser.newPage();
    let stripeRequests = 0;
    page.on('request', (r) => {
      if (/(^|\.)stripe\.(com|network)$/.test(new URL(r.url()).hostname)) stripeRequests++;
    });
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    results.stripeRequestsBeforeAction = stripeRequests;
    await page.close();

    // 2. Render cost: insert COUNT of one widget, wait for every swk-load (or first render).
    for (const widget of BENCH_WIDGETS) {
      const totals = [];
      const scripting = [];
      for (let run = 0; run < RUNS; run++) {
        const p = await browser.newPage();
        await p.goto(`${origin}/blank.html`);
        await p.addScriptTag({ content: iife });
        const cdp = await p.context().newCDPSession(p);
        await cdp.send('Performance.enable');
        const before = await cdp.send('Performance.getMetrics');
        const ms = await p.evaluate(async ({ widget, count }) => {
          const host = document.createElement('div');
          document.body.append(host);
          let loaded = 0;
          const done = new Promise((resolve) => {
            host.addEventListener(widget.waitFor, () => {
              loaded++;
              if (loaded === count) resolve(undefined);
            });
          });
          const start = performance.now();
          for (let i = 0; i < count; i++) {
            const el = document.createElement(widget.tag);
            for (const [k, v] of Object.entries(widget.attributes)) el.setAttribute(k, v);
            host.append(el);
          }
          if (widget.waitFor === 'render') {
            await Promise.all([...host.children].map((el) => el.updateComplete));
          } else {
            await done;
          }
          return performance.now() - start;
        }, { widget, count: COUNT });
        const after = await cdp.send('Performance.getMetrics');
        const metric = (m, name) => m.metrics.find((x) => x.name === name)?.value ?? 0;
        totals.push(ms);
        scripting.push(((metric(after, 'ScriptDuration') - metric(before, 'ScriptDuration')) * 1000) / COUNT);
        await p.close();
      }
      results.render.push({ tag: widget.tag, count: COUNT, medianTotalMs: round(median(totals)), medianScriptingMsPerWidget: round(median(scripting)) });
    }

    // 3. Live-update latency: signed webhook POST → swk-load of the widget listening on events-url.
    for (const widget of BENCH_WIDGETS.filter((w) => w.liveEvent)) {
      const p = await browser.newPage();
      await p.goto(`${origin}/blank.html`);
      await p.addScriptTag({ content: iife });
      await p.evaluate(async (widget) => {
        const el = document.createElement(widget.tag);
        for (const [k, v] of Object.entries(widget.attributes)) el.setAttribute(k, v);
        el.setAttribute('events-url', '/api/events');
        const loaded = new Promise((r) => el.addEventListener('swk-load', r, { once: true }));
        document.body.append(el);
        await loaded;
        window.__swkBench = el;
        await new Promise((r) => setTimeout(r, 300));
      }, widget);
      const samples = [];
      for (let i = 0; i < LATENCY_SAMPLES; i++) {
        const waiting = p.evaluate(() => new Promise((resolve) => {
          window.__swkBench.addEventListener('swk-load', () => resolve(performance.now()), { once: true });
        }));
        const { payload, header } = signedWebhook(widget.liveEvent.type, widget.liveEvent.object);
        const sentAt = await p.evaluate(() => performance.now());
        const response = await fetch(`${origin}/api/webhooks`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header }, body: payload });
        if (!response.ok) throw new Error(`webhook rejected: ${response.status}`);
        const renderedAt = await waiting;
        samples.push(renderedAt - sentAt);
      }
      results.liveUpdate.push({ tag: widget.tag, samples: LATENCY_SAMPLES, medianMs: round(median(samples)) });
      await p.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  print(results);
  return results;
}

const round = (n) => Math.round(n * 100) / 100;

function print(results) {
  console.log(`\nrequests to Stripe before any user action: ${results.stripeRequestsBeforeAction} (must be 0)`);
  console.log(`\nrender (${COUNT} of each, median of ${RUNS} runs)`);
  console.log('widget'.padEnd(26), 'total ms'.padStart(10), 'scripting ms/widget'.padStart(20), 'target'.padStart(8));
  for (const r of results.render) {
    console.log(r.tag.padEnd(26), String(r.medianTotalMs).padStart(10), String(r.medianScriptingMsPerWidget).padStart(20), '≤ 2'.padStart(8));
  }
  console.log(`\nlive update, signed webhook POST → re-rendered (median of ${LATENCY_SAMPLES})`);
  for (const r of results.liveUpdate) console.log(r.tag.padEnd(26), `${r.medianMs} ms`.padStart(10), '  target ≤ 100 ms');
}
