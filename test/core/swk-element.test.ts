import { expect, fixture, html } from '@open-wc/testing';
import { SwkElement } from '../../src/core/swk-element.js';
import { version } from '../../src/core/version.js';
import { endpointUrl } from '../../src/core/backend-client.js';
import { ResourceController } from '../../src/core/resource-controller.js';
import type { SwkErrorDetail } from '../../src/core/events.js';
import { fakeBackend, oneEvent, part, shadowText } from '../helpers.js';
import * as z from 'zod/mini';

class DefineProbe extends SwkElement {
  async load() {
    return this.fetchJson({ url: endpointUrl(this.endpoint, 'x'), schema: z.object({ ok: z.boolean() }), retries: 0 });
  }
  override render() {
    return html`<p>${this.coreText.loading}</p>`;
  }
}

describe('SwkElement', () => {
  it('registers once and ignores a second registration of the same tag', () => {
    DefineProbe.define('swk-define-probe');
    class Other extends SwkElement {}
    expect(() => Other.define('swk-define-probe')).not.to.throw();
    expect(customElements.get('swk-define-probe')).to.equal(DefineProbe);
  });

  it('renders in the resolved locale', async () => {
    DefineProbe.define('swk-define-probe');
    const el = await fixture<DefineProbe>(html`<swk-define-probe lang="ja"></swk-define-probe>`);
    expect(el.shadowRoot!.textContent).to.equal('読み込み中…');
  });

  it('applies its timeout attribute (seconds) and fetcher property to requests', async () => {
    DefineProbe.define('swk-define-probe');
    const { fetcher, calls } = fakeBackend(() => 'hang');
    const el = await fixture<DefineProbe>(html`<swk-define-probe endpoint="/api/probe/" timeout="0.05" .fetcher=${fetcher}></swk-define-probe>`);
    let kind = '';
    try {
      await el.load();
    } catch (cause) {
      kind = (cause as { error: { kind: string } }).error.kind;
    }
    expect(kind).to.equal('timeout');
    expect(calls[0]!.url).to.equal('/api/probe/x');
  });

  it("has the package's version", async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(version).to.equal(pkg.version);
  });

  describe('a render that throws', () => {
    /** Shows `value.label.toUpperCase()`: an answer without a label makes the view throw. */
    class ThrowingViewProbe extends SwkElement {
      readonly resource = new ResourceController(this, (signal) =>
        this.fetchJson({ url: '/api/thing', schema: z.looseObject({ label: z.optional(z.string()) }), signal, retries: 0 }),
      );
      override connectedCallback() {
        super.connectedCallback();
        void this.resource.run();
      }
      override render() {
        return html`<div>${this.renderResource(this.resource, (value) => html`<p>${value.label!.toUpperCase()}</p>`)}</div>`;
      }
    }
    ThrowingViewProbe.define('swk-throwing-view-probe');

    it('ends in the error state with Retry and swk-error of kind render, and Retry fetches again', async () => {
      const answers = [{ json: {} }, { json: { label: 'shown' } }];
      const { fetcher, calls } = fakeBackend(() => answers[calls.length - 1]!);
      const el = document.createElement('swk-throwing-view-probe') as ThrowingViewProbe;
      el.fetcher = fetcher;
      const failed = oneEvent(el, 'swk-error');
      document.body.append(el);
      const { detail } = (await failed) as CustomEvent<SwkErrorDetail>;
      await el.updateComplete;
      expect(detail.error.kind).to.equal('render');
      expect(detail.error.message).to.include('TypeError');
      expect(shadowText(el)).to.include('This information could not be displayed.');
      part<HTMLButtonElement>(el, '[part=retry-button]').click();
      await oneEvent(el, 'swk-load');
      await el.updateComplete;
      expect(shadowText(el)).to.equal('SHOWN');
      expect(calls.length).to.equal(2);
      el.remove();
    });

    /** Throws outside any resource while `broken` is set. */
    class ThrowingRenderProbe extends SwkElement {
      static override properties = { ...SwkElement.properties, broken: { type: Boolean } };
      broken = false;
      override render() {
        if (this.broken) throw new RangeError('Invalid time value');
        return html`<p>fine</p>`;
      }
    }
    ThrowingRenderProbe.define('swk-throwing-render-probe');

    it('anywhere else shows the error state in the page language and keeps updating afterwards', async () => {
      const el = await fixture<ThrowingRenderProbe>(html`<swk-throwing-render-probe lang="ja"></swk-throwing-render-probe>`);
      const failed = oneEvent(el, 'swk-error');
      el.broken = true;
      const { detail } = (await failed) as CustomEvent<SwkErrorDetail>;
      expect(detail.error).to.deep.equal({ kind: 'render', message: 'RangeError: Invalid time value' });
      expect(shadowText(el)).to.include('この情報を表示できませんでした。');
      expect(part(el, '[part=retry-button]').textContent?.trim()).to.equal('再試行');
      el.broken = false;
      await el.updateComplete;
      expect(shadowText(el)).to.equal('fine');
    });

    it('reports its Retry as retried to the analytics stream, as every other Retry is', async () => {
      const el = await fixture<ThrowingRenderProbe>(html`<swk-throwing-render-probe broken></swk-throwing-render-probe>`);
      await el.updateComplete;
      const names: string[] = [];
      el.addEventListener('swk-event', (event) => names.push(event.detail.name));
      el.broken = false;
      part<HTMLButtonElement>(el, '[part=retry-button]').click();
      await el.updateComplete;
      expect(names).to.deep.equal(['retried']);
      expect(shadowText(el)).to.equal('fine');
    });
  });
});
