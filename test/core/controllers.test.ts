import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ResourceController } from '../../src/core/resource-controller.js';
import type { SwkErrorDetail, SwkLoadDetail } from '../../src/core/events.js';
import { WidgetRequestError } from '../../src/core/errors.js';
import { renderError } from '../../src/core/templates.js';

interface Pending {
  id: string;
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

/** A minimal widget: loads `item-id` through a ResourceController whose task the test resolves by hand. */
class ResourceProbe extends LitElement {
  static override properties = { itemId: { attribute: 'item-id' } };
  itemId = '';
  pending: Pending[] = [];
  readonly resource = new ResourceController<string>(this, (signal) => {
    const id = this.itemId;
    return new Promise<string>((resolve, reject) => this.pending.push({ id, signal, resolve, reject }));
  });
  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('itemId') && this.itemId) void this.resource.run();
  }
  override render() {
    return this.resource.render({
      loading: () => html`<p>loading</p>`,
      ready: (value) => html`<p>${value}</p>`,
      error: (error) => renderError(error, 'en', () => void this.resource.run()),
    });
  }
}
customElements.define('swk-resource-probe', ResourceProbe);

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ResourceController', () => {
  it('renders loading, then the value, and fires swk-load with it', async () => {
    const el = await fixture<ResourceProbe>(html`<swk-resource-probe item-id="a"></swk-resource-probe>`);
    expect(text(el)).to.equal('loading');
    const loads: SwkLoadDetail[] = [];
    el.addEventListener('swk-load', (e) => loads.push(e.detail));
    el.pending[0]!.resolve('value A');
    await tick();
    await el.updateComplete;
    expect(text(el)).to.equal('value A');
    expect(loads).to.deep.equal([{ object: 'value A' }]);
  });

  it('aborts the old run when the id changes and never renders its late answer', async () => {
    const el = await fixture<ResourceProbe>(html`<swk-resource-probe item-id="a"></swk-resource-probe>`);
    el.itemId = 'b';
    await el.updateComplete;
    expect(el.pending.map((p) => p.id)).to.deep.equal(['a', 'b']);
    expect(el.pending[0]!.signal.aborted).to.equal(true);
    el.pending[1]!.resolve('value B');
    await tick();
    el.pending[0]!.resolve('value A (stale)');
    await tick();
    await el.updateComplete;
    expect(text(el)).to.equal('value B');
  });

  it('shows the error with a Retry that runs again, and fires swk-error', async () => {
    const el = await fixture<ResourceProbe>(html`<swk-resource-probe item-id="a"></swk-resource-probe>`);
    const errors: SwkErrorDetail[] = [];
    el.addEventListener('swk-error', (e) => errors.push(e.detail));
    el.pending[0]!.reject(new WidgetRequestError({ kind: 'timeout', message: 'slow' }));
    await tick();
    await el.updateComplete;
    expect(text(el)).to.include('The server took too long to answer.');
    expect(errors).to.deep.equal([{ error: { kind: 'timeout', message: 'slow' } }]);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await el.updateComplete;
    expect(el.pending).to.have.length(2);
    el.pending[1]!.resolve('recovered');
    await tick();
    await el.updateComplete;
    expect(text(el)).to.equal('recovered');
  });

  it('keeps the last value on screen when a refresh fails, and still fires swk-error', async () => {
    const el = await fixture<ResourceProbe>(html`<swk-resource-probe item-id="a"></swk-resource-probe>`);
    el.pending[0]!.resolve('value A');
    await tick();
    await el.updateComplete;
    const errors: SwkErrorDetail[] = [];
    el.addEventListener('swk-error', (e) => errors.push(e.detail));
    void el.resource.refresh();
    el.pending[1]!.reject(new WidgetRequestError({ kind: 'network', message: 'offline' }));
    await tick();
    await el.updateComplete;
    expect(text(el)).to.equal('value A');
    expect(el.resource.error?.kind).to.equal('network');
    expect(errors).to.have.length(1);
  });

  it('aborts when the element leaves the page and starts again when it returns', async () => {
    const el = await fixture<ResourceProbe>(html`<swk-resource-probe item-id="a"></swk-resource-probe>`);
    const parent = el.parentElement!;
    el.remove();
    expect(el.pending[0]!.signal.aborted).to.equal(true);
    parent.append(el);
    await el.updateComplete;
    expect(el.pending).to.have.length(2);
    expect(el.pending[1]!.signal.aborted).to.equal(false);
  });
});
