// Browser half of `npm run bench`, in Debian's Chromium against the demo server (simulator mode):
// requests to Stripe before any user action, render cost of 100 of each widget (built IIFE),
// live-update latency from a signed webhook POST to the widget's re-render, and the requests and time
// a Capital card needs to reach the live offer of a replacement chain. Every wait is bounded: a step
// that does not finish in time fails with what it was waiting for, never hangs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createHmac } from 'node:crypto';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';
import { BENCH_WIDGETS } from './bench-widgets.mjs';

const SIMULATOR_SECRET = 'whsec_simulator_local_only';
/** How long one page step (load, a batch of renders, one re-render) may take before the bench fails. */
const STEP_TIMEOUT_MS = 30_000;
/** How long a webhook may take to reach the widget as a re-render. */
const LIVE_TIMEOUT_MS = 5_000;
/** Replacements in the Capital chain: the card is given the first offer, three replacements before the live one. */
const CHAIN_REPLACEMENTS = 3;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const round = (n) => Math.round(n * 100) / 100;

/** `promise`, or a rejection naming `what` once `ms` have passed. */
function bounded(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: ${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

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

/** A POST to the simulator's own API, as the demo's controls make it. */
async function simulatorPost(origin, path, body) {
  const response = await fetch(`${origin}/api${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(STEP_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`bench: POST ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Builds the IIFE unless `npm test` built dist/ just before (SWK_DIST_READY). */
function builtIife() {
  if (!(process.env.SWK_DIST_READY === '1' && existsSync('dist/stripe-widget-kit.iife.js'))) {
    execFileSync('node', ['scripts/build.mjs'], { stdio: 'pipe', timeout: 10 * 60_000 });
  }
  return readFileSync('dist/stripe-widget-kit.iife.js', 'utf8');
}

/**
 * `quick`: one sample of everything (what `npm test` runs so the bench cannot rot); otherwise 5 render
 * runs of 100 widgets, 20 live-update samples and 5 chain samples.
 */
export async function browserBench({ quick = false } = {}) {
  const runs = quick ? 1 : 5;
  const count = quick ? 5 : 100;
  const latencySamples = quick ? 1 : 20;
  const chainSamples = quick ? 1 : 5;
  const iife = builtIife();
  delete process.env.STRIPE_SECRET_KEY;
  const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0, host: '127.0.0.1', hmr: false } });
  await bounded(server.listen(), STEP_TIMEOUT_MS, 'starting the demo server');
  const origin = `http://127.0.0.1:${server.httpServer.address().port}`;
  const browser = await bounded(
    chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS }),
    STEP_TIMEOUT_MS,
    'launching Chromium',
  );
  const results = { quick, stripeRequestsBeforeAction: 0, render: [], liveUpdate: [], capitalChain: [] };
  const newPage = async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    return page;
  };
  /** A blank page with the IIFE: every widget defined. */
  const widgetPage = async () => {
    const page = await newPage();
    await page.goto(`${origin}/blank.html`);
    await page.addScriptTag({ content: iife });
    return page;
  };
  try {
    // 1. Requests to Stripe before any user action, on the demo page with every widget.
    const page = await newPage();
    let stripeRequests = 0;
    page.on('request', (r) => {
      if (/(^|\.)stripe\.(com|network)$/.test(new URL(r.url()).hostname)) stripeRequests++;
    });
    await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    results.stripeRequestsBeforeAction = stripeRequests;
    await page.close();

    // 2. Render cost: insert `count` of one widget, wait for every swk-load (or first render).
    for (const widget of BENCH_WIDGETS) {
      const totals = [];
      const scripting = [];
      for (let run = 0; run < runs; run++) {
        const p = await widgetPage();
        const cdp = await p.context().newCDPSession(p);
        await cdp.send('Performance.enable');
        const before = await cdp.send('Performance.getMetrics');
        const ms = await p.evaluate(
          async ({ widget, count, timeoutMs }) => {
            const host = document.createElement('div');
            document.body.append(host);
            let loaded = 0;
            const done = new Promise((resolve, reject) => {
              host.addEventListener(widget.waitFor, () => {
                loaded++;
                if (loaded === count) resolve(undefined);
              });
              host.addEventListener('swk-error', (e) => reject(new Error(`${widget.tag}: swk-error ${e.detail.error.kind}: ${e.detail.error.message}`)));
            });
            const start = performance.now();
            for (let i = 0; i < count; i++) {
              const el = document.createElement(widget.tag);
              for (const [k, v] of Object.entries(widget.attributes)) el.setAttribute(k, v);
              host.append(el);
            }
            const rendered = widget.waitFor === 'render' ? Promise.all([...host.children].map((el) => el.updateComplete)) : done;
            await Promise.race([
              rendered,
              new Promise((_, reject) =>
                setTimeout(() => reject(new Error(`${widget.tag}: ${loaded} of ${count} ${widget.waitFor} within ${timeoutMs} ms`)), timeoutMs),
              ),
            ]);
            return performance.now() - start;
          },
          { widget, count, timeoutMs: STEP_TIMEOUT_MS },
        );
        const after = await cdp.send('Performance.getMetrics');
        const metric = (m, name) => m.metrics.find((x) => x.name === name)?.value ?? 0;
        totals.push(ms);
        scripting.push(((metric(after, 'ScriptDuration') - metric(before, 'ScriptDuration')) * 1000) / count);
        await p.close();
      }
      results.render.push({ tag: widget.tag, count, medianTotalMs: round(median(totals)), medianScriptingMsPerWidget: round(median(scripting)) });
    }

    // 3. Live-update latency: signed webhook POST → swk-load of the widget listening on events-url.
    for (const widget of BENCH_WIDGETS.filter((w) => w.liveEvent)) {
      const p = await widgetPage();
      await p.evaluate(
        async ({ widget, timeoutMs }) => {
          const el = document.createElement(widget.tag);
          for (const [k, v] of Object.entries(widget.attributes)) el.setAttribute(k, v);
          el.setAttribute('events-url', '/api/events');
          const loaded = new Promise((resolve) => el.addEventListener('swk-load', resolve, { once: true }));
          document.body.append(el);
          await Promise.race([loaded, new Promise((_, reject) => setTimeout(() => reject(new Error(`${widget.tag}: no swk-load within ${timeoutMs} ms`)), timeoutMs))]);
          window.__swkBench = el;
          // The event stream's first bytes: the widget is subscribed once its EventSource is open.
          await new Promise((resolve) => setTimeout(resolve, 300));
        },
        { widget, timeoutMs: STEP_TIMEOUT_MS },
      );
      const samples = [];
      for (let i = 0; i < latencySamples; i++) {
        const waiting = p.evaluate(
          ({ timeoutMs, tag }) =>
            new Promise((resolve, reject) => {
              const timer = setTimeout(
                () => reject(new Error(`${tag}: no re-render within ${timeoutMs} ms of the webhook (did the backend publish the event?)`)),
                timeoutMs,
              );
              window.__swkBench.addEventListener(
                'swk-load',
                () => {
                  clearTimeout(timer);
                  resolve(performance.now());
                },
                { once: true },
              );
            }),
          { timeoutMs: LIVE_TIMEOUT_MS, tag: widget.tag },
        );
        const { payload, header } = signedWebhook(widget.liveEvent.type, widget.liveEvent.object);
        const sentAt = await p.evaluate(() => performance.now());
        const response = await fetch(`${origin}/api/webhooks`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Stripe-Signature': header },
          body: payload,
          signal: AbortSignal.timeout(LIVE_TIMEOUT_MS),
        });
        if (!response.ok) throw new Error(`bench: webhook for ${widget.tag} rejected: ${response.status} ${await response.text()}`);
        const renderedAt = await bounded(waiting, LIVE_TIMEOUT_MS + 1_000, `${widget.tag}'s re-render`);
        samples.push(renderedAt - sentAt);
      }
      results.liveUpdate.push({ tag: widget.tag, samples: latencySamples, medianMs: round(median(samples)) });
      await p.close();
    }

    // 4. A Capital replacement chain: the card given the first offer reaches the live one.
    results.capitalChain = await capitalChain(origin, widgetPage, chainSamples);
  } finally {
    await browser.close().catch(() => {});
    await server.close().catch(() => {});
  }
  print(results, { runs, latencySamples });
  return results;
}

/**
 * Builds a chain of CHAIN_REPLACEMENTS replacements in the simulator (a fresh one per sample), then
 * mounts a card given the first offer and counts its requests until it shows the live one:
 * `expanded` as the reference backend answers (replacements expanded in place), `plain` as a site's own
 * backend that sends Stripe's offers with plain ids would (the card fetches each replacement).
 */
async function capitalChain(origin, widgetPage, samples) {
  const rows = [];
  for (const mode of ['expanded', 'plain']) {
    const requests = [];
    const times = [];
    for (let i = 0; i < samples; i++) {
      // A fresh offer, then CHAIN_REPLACEMENTS replacements: the card is given the first, oldest offer.
      const start = (await simulatorPost(origin, '/simulator/capital/financing_offers', { advanceAmount: 300_000 })).id;
      let current = start;
      for (let hop = 0; hop < CHAIN_REPLACEMENTS; hop++) {
        current = (await simulatorPost(origin, '/simulator/capital/replace', { offerId: current })).replacement.id;
      }
      const p = await widgetPage();
      const sample = await p.evaluate(
        async ({ offerId, live, plain, timeoutMs }) => {
          const stripExpanded = (value) => {
            if (!value || typeof value !== 'object') return value;
            const offer = { ...value };
            for (const key of ['replacement', 'replacement_for']) if (offer[key] && typeof offer[key] === 'object') offer[key] = offer[key].id;
            return offer;
          };
          let calls = 0;
          const fetcher = async (input, init) => {
            calls++;
            const response = await fetch(input, init);
            if (!plain) return response;
            const body = stripExpanded(await response.json());
            return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
          };
          const card = document.createElement('capital-offer-card');
          card.fetcher = fetcher;
          card.setAttribute('endpoint', '/api/capital/financing_offers');
          card.setAttribute('offer-id', offerId);
          const shown = new Promise((resolve, reject) => {
            card.addEventListener('swk-load', (e) => resolve(e.detail.object?.id), { once: true });
            card.addEventListener('swk-error', (e) => reject(new Error(`capital-offer-card: ${e.detail.error.message}`)), { once: true });
          });
          const startedAt = performance.now();
          document.body.append(card);
          const id = await Promise.race([shown, new Promise((_, reject) => setTimeout(() => reject(new Error(`capital chain: no swk-load within ${timeoutMs} ms`)), timeoutMs))]);
          if (id !== live) throw new Error(`capital chain: the card showed ${id}, not the live offer ${live}`);
          return { calls, ms: performance.now() - startedAt };
        },
        { offerId: start, live: current, plain: mode === 'plain', timeoutMs: STEP_TIMEOUT_MS },
      );
      requests.push(sample.calls);
      times.push(sample.ms);
      await p.close();
    }
    rows.push({ mode, replacements: CHAIN_REPLACEMENTS, samples, medianRequests: median(requests), medianMs: round(median(times)) });
  }
  return rows;
}

function print(results, { runs, latencySamples }) {
  console.log(`\nrequests to Stripe before any user action: ${results.stripeRequestsBeforeAction} (must be 0)`);
  const count = results.render[0]?.count ?? 0;
  console.log(`\nrender (${count} of each, median of ${runs} runs)`);
  console.log('widget'.padEnd(26), 'total ms'.padStart(10), 'scripting ms/widget'.padStart(20), 'target'.padStart(8));
  for (const r of results.render) {
    console.log(r.tag.padEnd(26), String(r.medianTotalMs).padStart(10), String(r.medianScriptingMsPerWidget).padStart(20), '≤ 2'.padStart(8));
  }
  console.log(`\nlive update, signed webhook POST → re-rendered (median of ${latencySamples})`);
  for (const r of results.liveUpdate) console.log(r.tag.padEnd(26), `${r.medianMs} ms`.padStart(10), '  target ≤ 100 ms');
  console.log('\ncapital-offer-card given the first offer of a replacement chain → live offer shown');
  for (const r of results.capitalChain) {
    const how = r.mode === 'expanded' ? 'reference backend (expanded)' : 'plain Stripe offers (ids)';
    console.log(`${how.padEnd(32)} ${r.replacements} replacements: ${r.medianRequests} request(s), ${r.medianMs} ms (median of ${r.samples})`);
  }
}
