import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ignoredLitWarnings, takeLitWarnings } from '../helpers.js';

/** Changes a reactive property in `updated`, which Lit warns about in dev mode. */
class ChangeInUpdate extends LitElement {
  static override properties = { count: { type: Number } };
  count = 0;
  override updated() {
    if (this.count < 1) this.count++;
  }
}
customElements.define('swk-change-in-update', ChangeInUpdate);

describe("the helpers' Lit warning guard", () => {
  it('records a Lit dev-mode warning, which would fail the test that caused it', async () => {
    const el = await fixture<ChangeInUpdate>(html`<swk-change-in-update></swk-change-in-update>`);
    await el.updateComplete;
    const seen = takeLitWarnings();
    expect(seen.some((t) => t.includes('lit.dev/msg/change-in-update')), seen.join('\n')).to.equal(true);
  });

  it("lets Lit's own one-time dev-mode notice pass", () => {
    // Lit printed it once, from a microtask after this page's modules (and the guard) loaded.
    expect(ignoredLitWarnings().some((t) => t.includes('lit.dev/msg/dev-mode'))).to.equal(true);
    expect(takeLitWarnings().filter((t) => t.includes('dev-mode'))).to.deep.equal([]);
  });
});
