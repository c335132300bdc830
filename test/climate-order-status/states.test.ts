import { expect } from '@open-wc/testing';
import { afterMicrotasks, expectNoBrokenText, heldAnswer, part, shadowText, stripeError, until } from '../helpers.js';
import { climateOrder, DAY, hasPart, liveText, mountOrder, mountShowing, ORDER_URL, partText, T0_SECONDS, termValue, untilLoaded, untilText } from './fixtures.js';
import { climateOrderMessages } from '../../src/climate-order-status/climate-order-status.messages.js';

/** The catalog's own words: a negative check follows them when the wording changes. */
const text = climateOrderMessages.en;

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('<climate-order-status> order details', () => {
  it('shows tons, product, beneficiary, amounts, delivery year and a timeline (en)', async () => {
    const { el, calls } = await mountShowing(climateOrder());
    await untilText(el, 'Frontier offtake portfolio');
    expect(calls.map((c) => `${c.method} ${c.url}`)).to.deep.equal([`GET ${ORDER_URL}`]);
    const root = el.shadowRoot!;
    expect(partText(el, 'title')).to.equal('Carbon removal order');
    expect(partText(el, 'status')).to.equal('Confirmed');
    expect(termValue(root, 'Carbon removal')).to.equal('0.5 t');
    expect(termValue(root, 'Product')).to.equal('Frontier offtake portfolio');
    expect(termValue(root, 'Beneficiary')).to.equal('Example Coffee');
    expect(termValue(root, 'Expected delivery year')).to.equal('2027');
    expect(termValue(root, 'Carbon removal cost')).to.equal('$135.00');
    expect(termValue(root, 'Frontier fees')).to.equal('$15.00');
    expect(termValue(root, 'Total')).to.equal('$150.00');
    const steps = [...root.querySelectorAll('[part~="timeline-step"]')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(steps).to.deep.equal(['Ordered Jan 15, 2026', 'Confirmed Jan 16, 2026', 'Delivered Not yet']);
    expect(part(el, '[part~="timeline-step"] time').getAttribute('datetime')).to.equal('2026-01-15T12:00:00.000Z');
    expect(liveText(el)).to.equal('Order status: Confirmed');
    expect(hasPart(el, 'cancel-button'), 'a confirmed order without a notice cannot be canceled').to.equal(false);
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('shows the same in Japanese, with yen not divided by 100', async () => {
    const { el } = await mountShowing(climateOrder({ currency: 'jpy', amount_subtotal: 36000, amount_fees: 4000, amount_total: 40000, metric_tons: '12' }), { lang: 'ja' });
    await untilLoaded(el);
    const root = el.shadowRoot!;
    expect(partText(el, 'title')).to.equal('炭素除去の注文');
    expect(partText(el, 'status')).to.equal('確定済み');
    expect(termValue(root, '炭素除去量')).to.equal('12 トン');
    expect(termValue(root, '合計')).to.equal('￥40,000');
    expect(termValue(root, 'Frontier の手数料')).to.equal('￥4,000');
    expect(termValue(root, '達成予定年')).to.equal('2027年');
    expect(shadowText(el)).to.include('注文 2026/01/15');
    expect(liveText(el)).to.equal('注文のステータス: 確定済み');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('keeps the decimal string precision of tons ("0.25", "12", "1.125")', async () => {
    for (const [tons, shown] of [['0.25', '0.25 t'], ['12', '12 t'], ['1.125', '1.125 t']]) {
      const { el } = await mountShowing(climateOrder({ metric_tons: tons }));
      await untilLoaded(el);
      expect(termValue(el.shadowRoot!, 'Carbon removal')).to.equal(shown);
    }
  });

  for (const [status, en, ja] of [
    ['open', 'Open', 'オープン'],
    ['awaiting_funds', 'Awaiting funds', '資金待ち'],
    ['confirmed', 'Confirmed', '確定済み'],
    ['delivered', 'Delivered', '達成済み'],
    ['canceled', 'Canceled', 'キャンセル済み'],
  ]) {
    it(`labels status ${status} in en and ja`, async () => {
      for (const [lang, label] of [['en', en], ['ja', ja]]) {
        const { el } = await mountShowing(climateOrder({ status }), { lang });
        await untilText(el, label!);
        expect(partText(el, 'status')).to.equal(label);
        expectNoBrokenText(el);
        await expect(el).to.be.accessible();
      }
    });
  }

  it('shows a status Stripe adds later as given, without a cancel button', async () => {
    const { el } = await mountShowing(climateOrder({ status: 'on_hold' }));
    await untilText(el, 'Unknown (on_hold)');
    expect(partText(el, 'status')).to.equal('Unknown (on_hold)');
    expect(hasPart(el, 'cancel-button')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the product id when the product is not expanded, and dashes for missing optional fields', async () => {
    const { el } = await mountShowing({ id: 'climorder_123', object: 'climate.order', status: 'open', product: 'climsku_abc', metric_tons: '1' });
    await untilText(el, 'climsku_abc');
    const root = el.shadowRoot!;
    expect(termValue(root, 'Total')).to.equal('—');
    expect(termValue(root, 'Expected delivery year')).to.equal('—');
    expect(shadowText(el)).not.to.include(text.beneficiary);
    expect(partText(el, 'timeline')).to.include('Ordered Not yet');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('shows a currency Intl rejects as given', async () => {
    const { el } = await mountShowing(climateOrder({ currency: 'usdx', amount_total: 15000 }));
    await untilLoaded(el);
    expect(termValue(el.shadowRoot!, 'Total')).to.equal('150.00 USDX');
    expectNoBrokenText(el);
  });

  it('renders hostile beneficiary and product names as text', async () => {
    const { el } = await mountShowing(climateOrder({ beneficiary: { public_name: HOSTILE }, product: { id: 'climsku_x', name: HOSTILE } }));
    await untilText(el, HOSTILE);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(termValue(el.shadowRoot!, 'Beneficiary')).to.equal(HOSTILE);
  });
});

describe('<climate-order-status> delivered', () => {
  const delivered = (details: unknown[], certificate: string | null = 'https://certificates.example.com/c.pdf') =>
    climateOrder({ status: 'delivered', delivered_at: Date.UTC(2026, 1, 20, 12) / 1000, certificate, delivery_details: details });
  const detail = (overrides: Record<string, unknown> = {}) => ({
    delivered_at: Date.UTC(2026, 1, 20, 12) / 1000,
    metric_tons: '0.25',
    registry_url: 'https://registry.example.com/r/1',
    location: { city: 'Fresno', region: 'CA', country: 'US', latitude: null, longitude: null },
    supplier: { id: 'climsup_1', object: 'climate.supplier', name: 'Charm Industrial', info_url: 'https://charm.example.com', removal_pathway: 'biomass_carbon_removal_and_storage', locations: [] },
    ...overrides,
  });

  it("lists each delivery's supplier, tons, place, date, registry link and the certificate (en)", async () => {
    const { el } = await mountShowing(delivered([detail(), detail({ metric_tons: '0.25', registry_url: null, location: { city: null, region: null, country: 'CA' } })]));
    await untilText(el, 'Deliveries');
    const items = [...el.shadowRoot!.querySelectorAll('[part~="delivery"]')];
    expect(items).to.have.length(2);
    expect(termValue(items[0]!, 'Supplier')).to.equal('Charm Industrial About the supplier');
    expect(termValue(items[0]!, 'Removal pathway')).to.equal('Biomass carbon removal and storage');
    expect(termValue(items[0]!, 'Carbon removal')).to.equal('0.25 t');
    expect(termValue(items[0]!, 'Location')).to.equal('Fresno, CA, United States');
    expect(termValue(items[0]!, 'Delivered on')).to.equal('Feb 20, 2026');
    expect(termValue(items[1]!, 'Location')).to.equal('Canada');
    const registry = items[0]!.querySelector<HTMLAnchorElement>('a[part~="registry-link"]')!;
    expect(registry.textContent).to.equal('Registry entry');
    expect(registry.href).to.equal('https://registry.example.com/r/1');
    expect(registry.rel).to.equal('noopener noreferrer');
    expect(registry.target).to.equal('_blank');
    expect(items[1]!.querySelector('[part~="registry-link"]')).to.equal(null);
    const certificate = part<HTMLAnchorElement>(el, 'a[part~="certificate-link"]');
    expect(certificate.href).to.equal('https://certificates.example.com/c.pdf');
    expect(certificate.rel).to.equal('noopener noreferrer');
    expect(partText(el, 'timeline')).to.include('Delivered Feb 20, 2026');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
  });

  it('shows deliveries in Japanese with the country name in Japanese', async () => {
    const { el } = await mountShowing(delivered([detail()]), { lang: 'ja' });
    await untilText(el, '達成の内訳');
    const item = part(el, '[part~="delivery"]');
    expect(termValue(item, '除去の方法')).to.equal('バイオマスによる炭素除去・貯留');
    expect(termValue(item, '場所')).to.equal('Fresno, CA, アメリカ合衆国');
    expect(termValue(item, '達成日')).to.equal('2026/02/20');
    expect(partText(el, 'certificate-link')).to.equal('達成証明書');
    await expect(el).to.be.accessible();
  });

  it('never turns javascript:, data: or relative URLs into links; shows them as text', async () => {
    const { el } = await mountShowing(
      delivered(
        [detail({ registry_url: 'javascript:alert(1)', supplier: { name: 'S', info_url: 'data:text/html,<b>x</b>', removal_pathway: 'direct_air_capture' } })],
        '/relative/certificate.pdf',
      ),
    );
    await untilText(el, 'Deliveries');
    expect(el.shadowRoot!.querySelectorAll('a')).to.have.length(0);
    expect(partText(el, 'registry-link')).to.equal('Registry entry: javascript:alert(1)');
    expect(partText(el, 'certificate-link')).to.equal('Delivery certificate: /relative/certificate.pdf');
    await expect(el).to.be.accessible();
  });

  it('renders a hostile supplier name as text and an unknown removal pathway as given', async () => {
    const { el } = await mountShowing(delivered([detail({ supplier: { name: HOSTILE, removal_pathway: 'ocean_alkalinity', info_url: null } })]));
    await untilText(el, HOSTILE);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(termValue(part(el, '[part~="delivery"]'), 'Removal pathway')).to.equal('Unknown (ocean_alkalinity)');
    expectNoBrokenText(el);
  });
});

describe('<climate-order-status> delayed and substituted', () => {
  it('says the new delivery year plainly and the 30-day full-refund choice with its deadline (en)', async () => {
    const { el } = await mountShowing(climateOrder({ delayed_at: T0_SECONDS - 10 * DAY, expected_delivery_year: 2029 }));
    await untilText(el, 'Delivery delayed');
    const notice = partText(el, 'delay-notice');
    expect(notice).to.include('Delivery delayed (Feb 19, 2026)');
    expect(notice).to.include('The new expected delivery year is 2029.');
    expect(partText(el, 'cancel-deadline')).to.equal(
      'You can accept this (nothing to do), or cancel the order for a full refund until Mar 21, 2026.',
    );
    expect(partText(el, 'cancel-button')).to.equal('Cancel order');
    await expect(el).to.be.accessible();
  });

  it('says the same in Japanese', async () => {
    const { el } = await mountShowing(climateOrder({ delayed_at: T0_SECONDS - 10 * DAY, expected_delivery_year: 2029 }), { lang: 'ja' });
    await untilText(el, '達成の遅延');
    expect(partText(el, 'delay-notice')).to.include('新しい達成予定年は 2029年 です。');
    expect(partText(el, 'cancel-deadline')).to.include('2026/03/21 までに注文をキャンセルして全額の返金を受け取る');
    expect(partText(el, 'cancel-button')).to.equal('注文をキャンセル');
    await expect(el).to.be.accessible();
  });

  it('explains a product substitution and its 30-day cancel right (en and ja)', async () => {
    const order = climateOrder({ product_substituted_at: T0_SECONDS - 2 * DAY, product: 'climsku_frontier' });
    const { el } = await mountShowing(order);
    await untilText(el, 'Product substituted');
    expect(partText(el, 'substitution-notice')).to.include('Frontier replaced the product with a similar one');
    expect(partText(el, 'cancel-deadline')).to.include('until Mar 29, 2026');
    expect(hasPart(el, 'cancel-button')).to.equal(true);
    await expect(el).to.be.accessible();
    const { el: ja } = await mountShowing(order, { lang: 'ja' });
    await untilText(ja, '商品の代替');
    expect(partText(ja, 'substitution-notice')).to.include('同様の商品で代替しました');
    expect(partText(ja, 'cancel-deadline')).to.include('2026/03/29 まで');
  });

  it('says what changed, as the seed\'s email does: the new product, its suppliers and when (en and ja)', async () => {
    const product = {
      id: 'climsku_frontier_substitute',
      object: 'climate.product',
      name: 'Frontier portfolio (substitute supplier)',
      suppliers: [
        { id: 'climsup_1', object: 'climate.supplier', name: 'Heirloom', removal_pathway: 'direct_air_capture', info_url: null, locations: [] },
        { id: 'climsup_2', object: 'climate.supplier', name: 'Lithos Carbon', removal_pathway: 'enhanced_weathering', info_url: null, locations: [] },
      ],
    };
    const order = climateOrder({ product_substituted_at: Date.UTC(2026, 1, 27, 12) / 1000, product });
    const { el } = await mountShowing(order);
    await untilText(el, 'Product substituted');
    expect(partText(el, 'substitution-notice')).to.include(
      "On Feb 27, 2026 Frontier replaced the product with Frontier portfolio (substitute supplier), supplied by Heirloom and Lithos Carbon, because the original supplier couldn't deliver.",
    );
    expect(partText(el, 'cancel-deadline')).to.include('until Mar 29, 2026');
    expectNoBrokenText(el);
    await expect(el).to.be.accessible();
    const { el: ja } = await mountShowing(order, { lang: 'ja' });
    await untilText(ja, '商品の代替');
    expect(partText(ja, 'substitution-notice')).to.include(
      '元のサプライヤーが達成できなかったため、Frontier は 2026/02/27 に商品を Heirloom、Lithos Carbon による「Frontier portfolio (substitute supplier)」で代替しました。',
    );
    const { el: noSuppliers } = await mountShowing(climateOrder({ product_substituted_at: Date.UTC(2026, 1, 27, 12) / 1000, product: { ...product, suppliers: [] } }));
    await untilText(noSuppliers, 'Product substituted');
    expect(partText(noSuppliers, 'substitution-notice')).to.include(
      "On Feb 27, 2026 Frontier replaced the product with Frontier portfolio (substitute supplier), because the original supplier couldn't deliver.",
    );
  });

  it('offers cancel on day 29 after the delay notice', async () => {
    const { el } = await mountShowing(climateOrder({ delayed_at: T0_SECONDS - 29 * DAY }));
    await untilText(el, 'Delivery delayed');
    expect(hasPart(el, 'cancel-button')).to.equal(true);
    expect(partText(el, 'cancel-deadline')).to.include('until Mar 2, 2026');
  });

  it('no longer offers cancel on day 31, and says the window ended', async () => {
    const { el } = await mountShowing(climateOrder({ delayed_at: T0_SECONDS - 31 * DAY }));
    await untilText(el, 'Delivery delayed');
    expect(hasPart(el, 'cancel-button')).to.equal(false);
    expect(partText(el, 'cancel-deadline')).to.equal('The option to cancel for a full refund ended on Feb 28, 2026.');
    await expect(el).to.be.accessible();
  });

  it('applies the same edges to a substitution: day 29 offers cancel, day 31 does not', async () => {
    const day29 = await mountShowing(climateOrder({ product_substituted_at: T0_SECONDS - 29 * DAY }));
    await untilText(day29.el, 'Product substituted');
    expect(hasPart(day29.el, 'cancel-button')).to.equal(true);
    const day31 = await mountShowing(climateOrder({ product_substituted_at: T0_SECONDS - 31 * DAY }));
    await untilText(day31.el, 'Product substituted');
    expect(hasPart(day31.el, 'cancel-button')).to.equal(false);
  });

  it('drops the 30-day choice once the delayed order was delivered', async () => {
    const { el } = await mountShowing(climateOrder({ status: 'delivered', delayed_at: T0_SECONDS - 5 * DAY, delivered_at: T0_SECONDS - DAY }));
    await untilText(el, 'Delivery delayed');
    expect(hasPart(el, 'cancel-deadline')).to.equal(false);
    expect(hasPart(el, 'cancel-button')).to.equal(false);
  });
});

describe('<climate-order-status> canceled', () => {
  // Seed 002: a cancellation by Frontier (any reason but the buyer's own request) is a full refund.
  for (const [reason, en, ja, refund] of [
    ['requested', 'Canceled at your request.', 'お客様のリクエストによりキャンセルされました。', false],
    ['product_unavailable', 'Frontier canceled the order because the product became unavailable.', '商品を提供できなくなったため、Frontier が注文をキャンセルしました。', true],
    ['expired', "Frontier canceled the order because it couldn't be delivered in time.", '期限までに達成できなかったため、Frontier が注文をキャンセルしました。', true],
    ['supplier_left', 'Unknown (supplier_left)', '不明 (supplier_left)', true],
  ] as const) {
    it(`states reason ${reason} and the date, ${refund ? 'a full refund' : 'no refund claim'}, no cancel button (en and ja)`, async () => {
      const order = climateOrder({ status: 'canceled', canceled_at: Date.UTC(2026, 1, 10, 12) / 1000, cancellation_reason: reason });
      const { el } = await mountShowing(order);
      await untilText(el, 'This order was canceled');
      expect(partText(el, 'cancellation-reason')).to.equal(en);
      expect(hasPart(el, 'refund') ? partText(el, 'refund') : null).to.equal(refund ? 'You receive a full refund.' : null);
      expect(partText(el, 'cancellation')).to.include('Canceled on Feb 10, 2026.');
      expect(partText(el, 'timeline')).to.include('Canceled Feb 10, 2026');
      expect(hasPart(el, 'cancel-button')).to.equal(false);
      expectNoBrokenText(el);
      await expect(el).to.be.accessible();
      const { el: jaEl } = await mountShowing(order, { lang: 'ja' });
      await untilText(jaEl, 'この注文はキャンセルされました');
      expect(partText(jaEl, 'cancellation-reason')).to.equal(ja);
      expect(hasPart(jaEl, 'refund') ? partText(jaEl, 'refund') : null).to.equal(refund ? '全額が返金されます。' : null);
      expect(partText(jaEl, 'cancellation')).to.include('2026/02/10 にキャンセルされました。');
    });
  }
});

describe('<climate-order-status> errors', () => {
  it("shows Stripe's error with Retry, fires swk-error, and recovers on Retry (en)", async () => {
    let answer = stripeError(404, "No such climate order: 'climorder_123'");
    const errors: unknown[] = [];
    const { el, calls } = await mountOrder(() => answer);
    el.addEventListener('swk-error', (e) => errors.push((e as CustomEvent).detail.error));
    await untilText(el, 'Stripe returned an error.');
    expect(shadowText(el)).to.include("Details: No such climate order: 'climorder_123'");
    expect(shadowText(el)).to.include('Request ID: req_test_123');
    expect(liveText(el)).to.equal('Something went wrong');
    await expect(el).to.be.accessible();
    answer = { json: climateOrder() };
    part<HTMLButtonElement>(el, '[part~="retry-button"]').click();
    await untilText(el, 'Frontier offtake portfolio');
    expect(calls).to.have.length(2);
    expect(hasPart(el, 'error')).to.equal(false);
  });

  it('shows malformed JSON as an unreadable answer (ja)', async () => {
    const { el } = await mountOrder(() => ({ text: '<html>oops' }), { lang: 'ja' });
    await untilText(el, 'サーバーの応答を読み取れませんでした。');
    expect(partText(el, 'retry-button')).to.equal('再試行');
    await expect(el).to.be.accessible();
  });

  it('rejects an object that is not a climate order', async () => {
    const { el } = await mountShowing({ id: 'pi_1', object: 'payment_intent', status: 'succeeded' });
    await untilText(el, 'The server sent an answer we could not read.');
  });

  it('shows a timeout', async () => {
    const { el } = await mountOrder(() => 'hang', { timeout: 0.05 });
    await untilText(el, 'The server took too long to answer.');
    await expect(el).to.be.accessible();
  });

  it('shows a network failure after the automatic retries', async () => {
    const { el, calls } = await mountOrder(() => 'network-error');
    await untilText(el, 'We could not reach the server.');
    expect(calls.length).to.equal(3);
  }).timeout(8000);

  it('says the widget is not set up when order-id is missing', async () => {
    const { el, calls } = await mountOrder(() => ({ json: climateOrder() }));
    el.orderId = '';
    await untilText(el, 'This widget is not set up correctly.');
    expect(calls).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('refetches, aborting the old request, when order-id changes, and never renders the old answer', async () => {
    const stale = heldAnswer({ json: climateOrder() });
    const { el, calls } = await mountOrder((call) =>
      call.url.endsWith('climorder_123') ? stale.answer : { json: climateOrder({ id: 'climorder_456', metric_tons: '7' }) },
    );
    const loaded: string[] = [];
    el.addEventListener('swk-load', (e) => loaded.push(e.detail.object.id));
    el.orderId = 'climorder_456';
    await untilText(el, '7 t');
    expect(calls[0]!.signal!.aborted).to.equal(true);
    stale.release();
    await calls[0]!.delivered;
    await afterMicrotasks();
    el.requestUpdate();
    await el.updateComplete;
    expect(termValue(el.shadowRoot!, 'Carbon removal')).to.equal('7 t');
    expect(loaded).to.deep.equal(['climorder_456']);
  });
});

describe('<climate-order-status> live updates', () => {
  it('refetches every refresh-interval and shows the new status', async () => {
    let status = 'confirmed';
    const { el, calls } = await mountOrder(() => ({ json: climateOrder({ status }) }), { refreshInterval: 0.05 });
    await untilLoaded(el);
    expect(partText(el, 'status')).to.equal('Confirmed');
    status = 'delivered';
    await until(() => partText(el, 'status') === 'Delivered', 'the polled status');
    expect(calls.length).to.be.greaterThan(1);
    expect(liveText(el)).to.equal('Order status: Delivered');
  });

  it('takes timeout and refresh-interval as the strings React 19, Vue and Svelte set as the properties', async () => {
    let status = 'confirmed';
    const { el, calls } = await mountOrder(() => ({ json: climateOrder({ status }) }));
    await untilLoaded(el);
    (el as { refreshInterval: number | string }).refreshInterval = '0.05';
    expect(el.refreshInterval).to.equal(0.05);
    (el as { timeout: number | string }).timeout = '10';
    expect(el.timeout).to.equal(10);
    status = 'delivered';
    await until(() => partText(el, 'status') === 'Delivered', 'the polled status');
    expect(calls.length).to.be.greaterThan(1);
  });
});
