import { expect, fixture, html } from '@open-wc/testing';
import type { Appearance } from '@stripe/stripe-js';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/fc-link-account/define.js';
import '../../src/spt-token-status/define.js';
import '../../src/climate-order-form/define.js';
import type { ClimateOrderForm } from '../../src/climate-order-form/define.js';
import { climateProduct, climateProductList } from '../../src/testing/builders/index.js';
import type { FcLinkAccount } from '../../src/fc-link-account/define.js';
import type { SptTokenStatus } from '../../src/spt-token-status/define.js';
import { configure } from '../../src/core/config.js';
import { recordKitWarnings } from '../dev-warnings.js';
import { FakeClock } from '../../src/testing/fake-clock.js';
import { fakeBackend, part, until } from '../helpers.js';
import { ENDPOINT, grantedToken, T0, T0_SECONDS } from '../spt-token-status/fixtures.js';

const SYSTEM_FONT = `system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", sans-serif`;

async function linkWidget(appearance?: Appearance, css = ''): Promise<FcLinkAccount> {
  const page = await fixture(html`<div>
    <style>
      ${css}
    </style>
    <fc-link-account endpoint="/api/fc" .appearance=${appearance}></fc-link-account>
  </div>`);
  const el = page.querySelector('fc-link-account')!;
  await el.updateComplete;
  return el;
}

/** An expired token: status badge, terms (labels) and the notice. */
async function tokenWidget(appearance?: Appearance): Promise<SptTokenStatus> {
  const { fetcher } = fakeBackend(() => ({ json: grantedToken({ usage_limits: { currency: 'usd', max_amount: 2500, expires_at: T0_SECONDS - 60 } }) }));
  const el = await fixture<SptTokenStatus>(html`<spt-token-status
    endpoint=${ENDPOINT}
    token-id="spt_123"
    .appearance=${appearance}
    .fetcher=${fetcher}
    .clock=${new FakeClock(T0)}
  ></spt-token-status>`);
  await until(() => Boolean(el.shadowRoot!.querySelector('[part="notice"]')), 'the expired token');
  return el;
}

const style = (el: Element, selector: string) => getComputedStyle(part(el, selector));
const button = (el: Element) => style(el, 'button[part="button"]');
const box = (el: Element) => style(el, '[part="base"]');

describe("Stripe's Appearance object", () => {
  afterEach(async () => {
    configure({ appearance: undefined, dev: undefined });
    await emulateMedia({ colorScheme: 'light' });
    await resetMouse();
  });

  it('theme "stripe" is the light look, even when the OS is dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const plain = await linkWidget();
    expect(box(plain).backgroundColor, 'no appearance: the OS dark default').to.equal('rgb(26, 31, 54)');
    const el = await linkWidget({ theme: 'stripe' });
    expect(button(el).backgroundColor).to.equal('rgb(79, 70, 229)');
    expect(button(el).color).to.equal('rgb(255, 255, 255)');
    expect(box(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(box(el).color).to.equal('rgb(26, 31, 54)');
    expect(box(el).borderTopLeftRadius).to.equal('8px');
    expect(box(el).fontFamily).to.equal(SYSTEM_FONT);
    await expect(el).to.be.accessible();
  });

  it('theme "night" is dark and "flat" has no borders', async () => {
    const night = await linkWidget({ theme: 'night' });
    expect(box(night).backgroundColor).to.equal('rgb(26, 31, 54)');
    expect(box(night).color).to.equal('rgb(245, 247, 250)');
    expect(button(night).backgroundColor).to.equal('rgb(165, 180, 252)');
    expect(button(night).color).to.equal('rgb(26, 31, 54)');
    await expect(night).to.be.accessible();
    const flat = await linkWidget({ theme: 'flat' });
    expect(box(flat).borderTopColor).to.equal('rgba(0, 0, 0, 0)');
    expect(box(flat).backgroundColor).to.equal('rgb(246, 248, 250)');
    expect(button(flat).backgroundColor).to.equal('rgb(79, 70, 229)');
  });

  it('variables set the button, text, radius, font, size, spacing and weights', async () => {
    const el = await tokenWidget({
      variables: {
        colorPrimary: '#0a2540',
        colorText: '#30313d',
        colorTextSecondary: '#595959',
        colorWarning: '#8a4b00',
        borderRadius: '2px',
        fontFamily: 'Georgia, serif',
        fontSizeBase: '18px',
        spacingUnit: '3px',
        fontWeightNormal: '300',
        fontWeightBold: '800',
      },
    });
    expect(box(el).color).to.equal('rgb(48, 49, 61)');
    expect(box(el).fontFamily).to.equal('Georgia, serif');
    expect(box(el).fontSize).to.equal('18px');
    expect(box(el).paddingTop).to.equal('24px');
    expect(box(el).borderTopLeftRadius).to.equal('2px');
    expect(box(el).fontWeight).to.equal('300');
    expect(style(el, '[part="title"]').fontWeight).to.equal('800');
    expect(style(el, 'dt').color).to.equal('rgb(89, 89, 89)');
    expect(style(el, '[part="status"]').color).to.equal('rgb(138, 75, 0)');
    const link = await linkWidget({ variables: { colorPrimary: '#0a2540', borderRadius: '10px' } });
    expect(button(link).backgroundColor).to.equal('rgb(10, 37, 64)');
    expect(button(link).borderTopLeftRadius).to.equal('8px');
    await expect(el).to.be.accessible();
  });

  it('accessibleColorOnColorPrimary (or the older colorPrimaryText) is the text on primary buttons', async () => {
    expect(button(await linkWidget({ variables: { colorPrimary: '#ffd400', accessibleColorOnColorPrimary: '#000000' } })).color).to.equal('rgb(0, 0, 0)');
    expect(button(await linkWidget({ variables: { colorPrimary: '#ffd400', colorPrimaryText: '#111111' } })).color).to.equal('rgb(17, 17, 17)');
  });

  it('rules style the parts, with :hover and keyboard :focus', async () => {
    const el = await linkWidget({
      variables: { focusBoxShadow: '0 0 0 3px rgb(0, 0, 200)' },
      rules: {
        '.Button': { borderRadius: '0px', textTransform: 'uppercase' },
        '.Button--primary': { backgroundColor: 'rgb(0, 100, 0)' },
        '.Button--primary:hover': { backgroundColor: 'rgb(0, 150, 0)' },
        '.Button:focus': { borderColor: 'rgb(200, 0, 0)' },
      },
    });
    expect(button(el).backgroundColor).to.equal('rgb(0, 100, 0)');
    expect(button(el).borderTopLeftRadius).to.equal('0px');
    expect(button(el).textTransform).to.equal('uppercase');
    const { x, y, width, height } = part(el, 'button[part="button"]').getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(x + width / 2), Math.round(y + height / 2)] });
    expect(button(el).backgroundColor).to.equal('rgb(0, 150, 0)');
    await resetMouse();
    expect(button(el).borderTopColor).not.to.equal('rgb(200, 0, 0)');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'button[part="button"]'));
    expect(button(el).borderTopColor).to.equal('rgb(200, 0, 0)');
    expect(button(el).boxShadow).to.equal('rgb(0, 0, 200) 0px 0px 0px 3px');
    expect(button(el).outlineColor).to.equal('rgba(0, 0, 0, 0)');
  });

  it('rules for badges, notices, labels and errors', async () => {
    const el = await tokenWidget({
      rules: {
        '.Badge': { textTransform: 'uppercase' },
        '.Notice': { borderLeftColor: 'rgb(1, 2, 3)' },
        '.Label': { color: 'rgb(4, 5, 6)' },
      },
    });
    expect(style(el, '[part="status"]').textTransform).to.equal('uppercase');
    expect(style(el, '[part="notice"]').borderLeftColor).to.equal('rgb(1, 2, 3)');
    expect(style(el, 'dt').color).to.equal('rgb(4, 5, 6)');
    const { fetcher } = fakeBackend(() => 'network-error');
    const failing = await fixture<SptTokenStatus>(html`<spt-token-status
      endpoint=${ENDPOINT}
      token-id="spt_1"
      .appearance=${{ rules: { '.Error': { borderLeftColor: 'rgb(7, 8, 9)' } } }}
      .fetcher=${fetcher}
    ></spt-token-status>`);
    await until(() => Boolean(failing.shadowRoot!.querySelector('[part="error"]')), 'the error state', 8000);
    expect(style(failing, '[part="error"]').borderLeftColor).to.equal('rgb(7, 8, 9)');
  });

  it("the site's --swk-* properties and ::part rules win over the appearance", async () => {
    const el = await linkWidget(
      { variables: { colorPrimary: '#ff0000', colorText: '#00ff00' }, rules: { '.Button': { textTransform: 'lowercase' } } },
      `fc-link-account { --swk-color-accent: rgb(9, 9, 9); } fc-link-account::part(button) { text-transform: capitalize; }`,
    );
    expect(button(el).backgroundColor).to.equal('rgb(9, 9, 9)');
    expect(button(el).textTransform).to.equal('capitalize');
    expect(box(el).color, 'a variable the site did not override still applies').to.equal('rgb(0, 255, 0)');
  });

  it("configure({ appearance }) styles every widget; an element's own appearance wins; removing both restores the default", async () => {
    configure({ appearance: { theme: 'night' } });
    const plain = await linkWidget();
    const own = await linkWidget({ theme: 'flat' });
    expect(box(plain).backgroundColor).to.equal('rgb(26, 31, 54)');
    expect(box(own).backgroundColor).to.equal('rgb(246, 248, 250)');
    own.appearance = undefined;
    await own.updateComplete;
    expect(box(own).backgroundColor).to.equal('rgb(26, 31, 54)');
    configure({ appearance: undefined });
    await plain.updateComplete;
    expect(box(plain).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('ignores unknown variables, rules and unsafe values with one dev-mode warning, never a throw', async () => {
    const kit = recordKitWarnings();
    const appearance = {
      theme: 'stripe',
      variables: { colorPrimary: '#0a2540', colorIconTab: '#123456', colorBackground: 'red;} :host{display:none' },
      rules: { '.Tab': { color: 'red' }, '.Button:active': { color: 'red' }, '.Badge': { 'color;': 'red' } },
    } as Appearance;
    try {
      const el = await linkWidget(appearance);
      await linkWidget(appearance);
      expect(button(el).backgroundColor).to.equal('rgb(10, 37, 64)');
      expect(getComputedStyle(el).display).to.equal('block');
      expect(box(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      kit.stop();
    }
    expect(kit.warnings).to.deep.equal([
      'stripe-widget-kit: appearance ignores variables.colorIconTab, variables.colorBackground, rules[".Tab"], rules[".Button:active"], rules[".Badge"].color;: not used by these widgets, or not a safe CSS value',
    ]);
  });

  it('never throws on an appearance untyped JavaScript got wrong: null variables or rules, a string, an array', async () => {
    const kit = recordKitWarnings();
    try {
      const nulls = await linkWidget({ theme: 'night', variables: null, rules: { '.Button': null } } as unknown as Appearance);
      expect(box(nulls).backgroundColor, 'the theme still applies').to.equal('rgb(26, 31, 54)');
      const stringRules = await linkWidget({ rules: 'none', variables: ['colorPrimary'] } as unknown as Appearance);
      expect(button(stringRules).backgroundColor).to.equal('rgb(79, 70, 229)');
      for (const wrong of ['night', 42, []]) {
        const el = await linkWidget(wrong as unknown as Appearance);
        expect(box(el).backgroundColor, `${JSON.stringify(wrong)}: the built-in look`).to.equal('rgb(255, 255, 255)');
        expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
      }
    } finally {
      kit.stop();
    }
    expect(kit.warnings).to.deep.equal([
      'stripe-widget-kit: appearance ignores variables, rules[".Button"]: not used by these widgets, or not a safe CSS value',
      'stripe-widget-kit: appearance ignores variables, rules: not used by these widgets, or not a safe CSS value',
      'stripe-widget-kit: appearance must be Stripe\'s Appearance object; ignoring "night"',
      "stripe-widget-kit: appearance must be Stripe's Appearance object; ignoring number",
      "stripe-widget-kit: appearance must be Stripe's Appearance object; ignoring object",
    ]);
  });

  it('.Label styles the form fields\' labels and legends, .Error their errors (the order form)', async () => {
    const product = climateProduct({ id: 'climsku_1', name: 'Removal' });
    const { fetcher } = fakeBackend(() => ({ json: climateProductList(product) }));
    const el = await fixture<ClimateOrderForm>(html`<climate-order-form
      endpoint="/api/climate"
      .appearance=${{ rules: { '.Label': { color: 'rgb(4, 5, 6)' }, '.Error': { color: 'rgb(7, 8, 9)' } } }}
      .fetcher=${fetcher}
    ></climate-order-form>`);
    await until(() => Boolean(el.shadowRoot!.querySelector('[part~="quantity-input"]')), 'the form');
    expect(style(el, 'label[for="quantity"]').color).to.equal('rgb(4, 5, 6)');
    expect(style(el, '[part~="quantity"] legend').color).to.equal('rgb(4, 5, 6)');
    expect(style(el, '[part~="product-name"]').color, 'a product is a choice, not a field label').not.to.equal('rgb(4, 5, 6)');
    part<HTMLButtonElement>(el, '[part~="confirm-button"]').click();
    await until(() => Boolean(el.shadowRoot!.querySelector('[part~="field-error"]')), 'a field error');
    expect(style(el, '[part~="field-error"]').color).to.equal('rgb(7, 8, 9)');
  });

  it('warns in dev mode when a drawn pair falls below WCAG AA; not for the presets, not outside dev mode', async () => {
    const kit = recordKitWarnings();
    try {
      await linkWidget({ theme: 'night', variables: { colorPrimary: '#a5b4fc' } });
      await linkWidget({ theme: 'flat', variables: { colorText: '#1a1f36' } });
      await linkWidget({ variables: { colorText: '#777777', colorBackground: '#888888' } });
      // The check loads its own chunk first.
      await until(() => kit.warnings.length === 6, 'the contrast warnings');
      configure({ dev: false });
      await linkWidget({ variables: { colorText: '#777778', colorBackground: '#888888' } });
    } finally {
      kit.stop();
    }
    // Ratios by WCAG 2's formula, worked out apart from the kit (relative luminance of each sRGB color).
    expect(kit.warnings).to.deep.equal([
      "stripe-widget-kit: appearance: text #777777 on bg #888888 has a contrast of 1.26:1, below WCAG AA's 4.5:1",
      "stripe-widget-kit: appearance: muted #4f566b on bg #888888 has a contrast of 2.06:1, below WCAG AA's 4.5:1",
      "stripe-widget-kit: appearance: accent #4f46e5 on bg #888888 has a contrast of 1.77:1, below WCAG AA's 4.5:1",
      "stripe-widget-kit: appearance: success #146c2e on bg #888888 has a contrast of 1.84:1, below WCAG AA's 4.5:1",
      "stripe-widget-kit: appearance: warning #7a4a00 on bg #888888 has a contrast of 2.11:1, below WCAG AA's 4.5:1",
      "stripe-widget-kit: appearance: danger #b42318 on bg #888888 has a contrast of 1.85:1, below WCAG AA's 4.5:1",
    ]);
  });
});
