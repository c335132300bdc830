import { expect, fixture, html } from '@open-wc/testing';
import { SwkElement } from '../../src/core/swk-element.js';
import { version } from '../../src/core/version.js';
import { endpointUrl } from '../../src/core/backend-client.js';
import { fakeBackend } from '../helpers.js';
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
});
