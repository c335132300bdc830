import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { endpointUrl } from '../core/backend-client.js';
import { track } from '../core/analytics.js';
import { WidgetRequestError, type WidgetError } from '../core/errors.js';
import { emit } from '../core/events.js';
import { formatDate, formatMoney, formatPercent, isoDate } from '../core/format.js';
import { followResource, type LiveEvent } from '../core/live-updates.js';
import { ResourceController } from '../core/resource-controller.js';
import { SwkElement } from '../core/swk-element.js';
import { ViewedController } from '../core/viewed-controller.js';
import { describeEnum, renderBadge, renderLiveRegion, toneOf, type Tone } from '../core/templates.js';
import {
  capitalFinancingOfferSchema,
  offerRefId,
  type CapitalFinancingOffer,
  type CapitalFinancingTerms,
} from '../schemas/capital-financing-offer.js';
import { capitalOfferCardStyles } from './capital-offer-card.styles.js';
import { capitalOfferMessages, type CapitalOfferMessages } from './capital-offer-card.messages.js';
import { CHAIN_LOOP, CHAIN_TOO_LONG, followReplacements, walkBackReplacements } from './follow-replacements.js';
import { MarkDeliveredController } from './mark-delivered.js';

/** Detail of `swk-offer-replaced`. */
export interface OfferReplacedDetail {
  /** The offer id the card was given (or the replaced offer shown with `no-follow`). */
  previousOfferId: string;
  /** The id of the offer that replaced it: store this as the account's active offer. */
  offerId: string;
  /** The replacement offer, or null with `no-follow` (the card did not fetch it). */
  offer: CapitalFinancingOffer | null;
}

/** Detail of `swk-offer-action`. */
export interface OfferActionDetail {
  offer: CapitalFinancingOffer;
}

/** Detail of `swk-offer-delivered`. */
export interface OfferDeliveredDetail {
  /** The offer as Stripe answered `mark_delivered` (status `delivered`). */
  offer: CapitalFinancingOffer;
}

/** What one load found: the offer to show (null: the account has none) and the offers it replaced. */
interface OfferView {
  requestedId: string;
  /** The offer the card was given (or the endpoint's current one), before following replacements. */
  firstId: string | null;
  offer: CapitalFinancingOffer | null;
  /** Every earlier offer, oldest first: walked back from the first offer and forward to the live one. */
  history: CapitalFinancingOffer[];
}

const ACTIONABLE = new Set(['undelivered', 'delivered']);
const TONES: Record<string, Tone> = {
  undelivered: 'info',
  delivered: 'info',
  accepted: 'success',
  paid_out: 'success',
  completed: 'success',
  fully_repaid: 'success',
  expired: 'warning',
  replaced: 'warning',
  rejected: 'danger',
  revoked: 'danger',
};

/**
 * Shows a Stripe Capital financing offer: amount, fee, total to repay, withhold rate, type, expiry and
 * status. A replaced offer is followed to its live replacement (at most 5 hops), and a replacement's
 * earlier offers are walked back through `replacement_for` (at most 5), so the change and the offer
 * history show whichever offer id the card was given. A backend that expands `replacement` /
 * `replacement_for` (as the reference backend does) answers the whole chain in one request; plain ids
 * are fetched one by one.
 *
 * Once an `undelivered` offer is on screen (half the card visible) the card marks it delivered, as
 * Stripe asks platforms to once an offer reached the user: `POST {endpoint}/{id}/mark_delivered` with an
 * Idempotency-Key, once per offer per page, then shows the answer. `no-mark-delivered` turns this off.
 *
 * @tagname capital-offer-card
 * @summary A Stripe Capital financing offer card that follows offer replacements.
 *
 * @fires {CustomEvent<SwkLoadDetail<CapitalFinancingOffer | null>>} swk-load - The offer shown (`object` null: the account has no offer).
 * @fires {CustomEvent<SwkErrorDetail>} swk-error - The error now shown.
 * @fires {CustomEvent<SwkEventDetail>} swk-event - Analytics: `loaded`, `offer_viewed` (once per offer, when on screen), `offer_replaced`, `offer_action`, `offer_delivered`, `error`, `retried`.
 * @fires {CustomEvent<OfferReplacedDetail>} swk-offer-replaced - `{ previousOfferId, offerId, offer }`: the offer was replaced; store `offerId` as the active offer. Fired as soon as a replaced offer loads (with `no-follow`: `offer` null), and again when the user chooses "View updated offer".
 * @fires {CustomEvent<OfferActionDetail>} swk-offer-action - `{ offer }`: the user chose "Review offer"; the site decides where it leads.
 * @fires {CustomEvent<OfferDeliveredDetail>} swk-offer-delivered - `{ offer }`: the card marked an undelivered offer delivered (`mark_delivered` answered); `offer` is Stripe's answer.
 *
 * @csspart base - The card.
 * @csspart title - The heading.
 * @csspart status - A status badge.
 * @csspart amount - The financing amount.
 * @csspart note - What the status means for the user.
 * @csspart terms - The list of terms.
 * @csspart replaced-notice - "Your offer was updated" notice, or the replacement id with `no-follow`.
 * @csspart history - The offer history disclosure.
 * @csspart action-button - "Review offer".
 * @csspart replacement-button - "View updated offer" (`no-follow`).
 * @csspart empty - The no-offer state.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart refresh-error - The "could not update" notice (with Retry) above the last good value after a failed refresh.
 * @csspart retry-button - Retry in the error state.
 *
 * @cssprop [--swk-capital-amount-size=2em] - Font size of the amount.
 * @cssprop --swk-color-accent - Buttons, info badges and focus ring.
 * @cssprop --swk-color-accent-text - Text on the "Review offer" and "View updated offer" buttons.
 * @cssprop --swk-color-background - Card background.
 * @cssprop --swk-color-surface - Background of the notices and the error state.
 * @cssprop --swk-color-text - Text color.
 * @cssprop --swk-color-muted - Labels and secondary text.
 * @cssprop --swk-color-border - Borders.
 * @cssprop --swk-color-success - Accepted, paid out, completed and fully repaid badges.
 * @cssprop --swk-color-warning - Expired and replaced badges, and the notice accent.
 * @cssprop --swk-color-danger - Rejected and revoked badges, and errors.
 * @cssprop [--swk-radius=8px] - Corner radius.
 * @cssprop [--swk-spacing=16px] - Inner spacing.
 * @cssprop --swk-font-family - Font family.
 * @cssprop [--swk-font-size=15px] - Base font size.
 */
export class CapitalOfferCard extends SwkElement<CapitalFinancingOffer | null> {
  static override styles = [...SwkElement.styles, capitalOfferCardStyles];
  static override catalogs = [capitalOfferMessages];
  static override properties: PropertyDeclarations = {
    offerId: { attribute: 'offer-id' },
    noFollow: { type: Boolean, attribute: 'no-follow', reflect: true },
    noMarkDelivered: { type: Boolean, attribute: 'no-mark-delivered', reflect: true },
  };

  /** The offer to show. Without it the card asks `endpoint` for the account's current offer. */
  offerId = '';

  /** Show a replaced offer itself (with its replacement's id) instead of following the replacement. */
  noFollow = false;

  /** Never mark an `undelivered` offer delivered (the site marks offers delivered itself, e.g. after its own email). */
  noMarkDelivered = false;

  #failedWhileFollowing = false;

  readonly #resource = new ResourceController<OfferView>(this, (signal) => this.#load(signal), {
    loadObject: (view) => view.offer,
    onValue: (view, previous) => {
      this.#delivery.reloaded();
      this.#reportReplacement(view, previous);
    },
  });

  readonly #live = followResource(this, this.#resource, { matches: (event) => this.#concerns(event) });

  constructor() {
    super();
    new ViewedController(this, 'offer_viewed', () => (this.#resource.status === 'ready' ? this.#resource.value?.offer : undefined));
  }

  readonly #delivery = new MarkDeliveredController(this, {
    offer: () => (this.#resource.status === 'ready' ? (this.#resource.value?.offer ?? undefined) : undefined),
    enabled: () => !this.noMarkDelivered && !!this.endpoint,
    send: (offer, idempotencyKey) =>
      this.fetchJson({ url: endpointUrl(this.endpoint, offer.id, 'mark_delivered'), method: 'POST', body: {}, idempotencyKey, schema: capitalFinancingOfferSchema }),
    delivered: (offer) => this.#showDelivered(offer),
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.objectChanged(changed, 'offerId', 'noFollow')) {
      void this.#resource.run();
      this.#live.reschedule();
    }
  }

  get #m(): CapitalOfferMessages {
    return this.text(capitalOfferMessages);
  }

  #fetchOffer(url: string, signal: AbortSignal): Promise<CapitalFinancingOffer> {
    return this.fetchJson({ url, schema: capitalFinancingOfferSchema, signal });
  }

  async #load(signal: AbortSignal): Promise<OfferView> {
    this.#failedWhileFollowing = false;
    const requestedId = this.offerId;
    if (!this.endpoint) throw new WidgetRequestError({ kind: 'config', message: 'Set the endpoint attribute.' });
    const fetchById = (id: string) => this.#fetchOffer(endpointUrl(this.endpoint, id), signal);
    let first: CapitalFinancingOffer;
    try {
      first = await this.#fetchOffer(requestedId ? endpointUrl(this.endpoint, requestedId) : endpointUrl(this.endpoint), signal);
    } catch (cause) {
      // Without an offer id a 404 means the account simply has no offer.
      if (!requestedId && cause instanceof WidgetRequestError && cause.error.status === 404) {
        return { requestedId, firstId: null, offer: null, history: [] };
      }
      throw cause;
    }
    const earlier = await walkBackReplacements(first, fetchById, signal);
    if (this.noFollow) return { requestedId, firstId: first.id, offer: first, history: earlier };
    const chain = await followReplacements(first, (id) => {
      if (!signal.aborted) this.#failedWhileFollowing = true;
      return fetchById(id);
    });
    return { requestedId, firstId: first.id, offer: chain.offer, history: [...earlier, ...chain.history] };
  }

  /** Shows `mark_delivered`'s answer in place of the offer it was for, if the card still shows that offer. */
  #showDelivered(offer: CapitalFinancingOffer): void {
    const view = this.#resource.value;
    if (this.#resource.status !== 'ready' || view?.offer?.id !== offer.id) return;
    // The answer carries plain ids: the offers it replaced stay as the load found them.
    this.#resource.value = { ...view, offer };
    this.requestUpdate();
    emit(this, 'swk-offer-delivered', { offer });
    track(this, 'offer_delivered', offer);
  }

  /**
   * Tells the site as soon as it learns that the offer it stored was replaced: the followed replacement,
   * or with `no-follow` only its id (`offer: null`), so the site can switch its stored active offer id.
   */
  #reportReplacement(view: OfferView, previous: OfferView | undefined): void {
    const { offer, firstId } = view;
    if (!offer || !firstId) return;
    const replacement = offerRefId(offer.replacement);
    if (previous?.requestedId === view.requestedId && previous.offer?.id === offer.id && offerRefId(previous.offer.replacement) === replacement) return;
    if (this.noFollow) {
      if (offer.status === 'replaced' && replacement) {
        emit(this, 'swk-offer-replaced', { previousOfferId: offer.id, offerId: replacement, offer: null });
        track(this, 'offer_replaced', { id: replacement });
      }
      return;
    }
    if (firstId === offer.id) return;
    emit(this, 'swk-offer-replaced', { previousOfferId: firstId, offerId: offer.id, offer });
    track(this, 'offer_replaced', offer);
  }

  #concerns(event: LiveEvent): boolean {
    const view = this.#resource.value;
    if (event.type === 'capital.financing_offer.replacement_created') return true;
    if (!this.offerId && event.object === 'capital.financing_offer') return true;
    return !!view?.offer && [view.offer, ...view.history].some((offer) => offer.id === event.id);
  }

  override render(): TemplateResult {
    return html`<div part="base" class="base" aria-labelledby="title" role="region">
      <div class="head">
        <h2 id="title" part="title">${this.#m.title}</h2>
        ${this.#resource.status === 'ready' && this.#resource.value?.offer ? this.#renderStatus(this.#resource.value.offer) : nothing}
      </div>
      ${this.renderResource(
        this.#resource,
        (view) => (view.offer ? this.#renderOffer(view.offer, view.history) : html`<p part="empty" class="muted">${this.#m.empty}</p>`),
        { loadingLabel: this.#m.loading, errorTitle: (error) => this.#errorTitle(error) },
      )}
      ${renderLiveRegion(this.#announcement())}
    </div>`;
  }

  #errorTitle(error: WidgetError): string | undefined {
    if (error.code === CHAIN_LOOP) return this.#m.chainLoop;
    if (error.code === CHAIN_TOO_LONG) return this.#m.chainTooLong;
    return this.#failedWhileFollowing ? this.#m.replacementFailed : undefined;
  }

  #announcement(): string {
    const { status, value, error } = this.#resource;
    if (status === 'error' && error) return this.#errorTitle(error) ?? this.coreText.errorTitle;
    if (status !== 'ready' || !value) return this.#m.loading;
    if (!value.offer) return this.#m.empty;
    const change = value.history.length ? `${this.#changeText(value.history[0]!, value.offer)} ` : '';
    return change + this.#m.announce(this.#advanceText(value.offer), this.#statusText(value.offer.status));
  }

  #statusText(status: string): string {
    return describeEnum(this.#m.status, status, this.locale);
  }

  #renderStatus(offer: CapitalFinancingOffer): TemplateResult {
    return renderBadge(this.#statusText(offer.status), toneOf(TONES, offer.status));
  }

  #money(amount: number | null | undefined, terms: CapitalFinancingTerms | null | undefined): string {
    if (typeof amount !== 'number' || !terms?.currency) return this.coreText.notAvailable;
    return formatMoney(amount, terms.currency, this.locale);
  }

  #termsOf(offer: CapitalFinancingOffer): CapitalFinancingTerms | null | undefined {
    return offer.accepted_terms ?? offer.offered_terms;
  }

  #advanceText(offer: CapitalFinancingOffer): string {
    const terms = this.#termsOf(offer);
    return this.#money(terms?.advance_amount, terms);
  }

  #changeText(from: CapitalFinancingOffer, to: CapitalFinancingOffer): string {
    const before = this.#advanceText(from);
    const after = this.#advanceText(to);
    return before === after || !this.#termsOf(from)?.currency || !this.#termsOf(to)?.currency
      ? this.#m.updatedPlain
      : this.#m.updated(before, after);
  }

  #renderOffer(offer: CapitalFinancingOffer, history: CapitalFinancingOffer[]): TemplateResult {
    const m = this.#m;
    const terms = this.#termsOf(offer);
    const advance = terms?.advance_amount;
    const fee = terms?.fee_amount;
    const total = typeof advance === 'number' && typeof fee === 'number' ? advance + fee : undefined;
    const rate = terms?.withhold_rate;
    const replacementId = offerRefId(offer.replacement);
    const replacedBy = this.noFollow && offer.status === 'replaced' && replacementId ? m.replacedBy(replacementId) : undefined;
    const note = !replacedBy && Object.hasOwn(m.note, offer.status) ? m.note[offer.status] : undefined;
    return html`
      ${history.length ? html`<p part="replaced-notice" class="notice">${this.#changeText(history[0]!, offer)}</p>` : nothing}
      ${replacedBy ? html`<p part="replaced-notice" class="notice">${replacedBy}</p>` : nothing}
      <p class="muted">${m.advance}</p>
      <p part="amount" class="amount">${this.#advanceText(offer)}</p>
      ${note ? html`<p part="note">${note}</p>` : nothing}
      <dl part="terms" class="terms">
        <dt>${m.fee}</dt>
        <dd>${this.#money(fee, terms)}</dd>
        <dt>${m.total}</dt>
        <dd>${this.#money(total, terms)}</dd>
        <dt>${m.withhold}</dt>
        <dd>${typeof rate === 'number' ? m.withholdValue(formatPercent(rate, this.locale)) : this.coreText.notAvailable}</dd>
        <dt>${m.type}</dt>
        <dd>${describeEnum(m.financingType, offer.financing_type, this.locale)}</dd>
        ${typeof offer.expires_after === 'number'
          ? html`<dt>${m.expires}</dt>
              <dd><time datetime=${isoDate(offer.expires_after)}>${formatDate(offer.expires_after, this.locale)}</time></dd>`
          : nothing}
      </dl>
      ${this.#renderActions(offer)} ${history.length ? this.#renderHistory(history) : nothing}
    `;
  }

  #renderActions(offer: CapitalFinancingOffer): TemplateResult | typeof nothing {
    if (ACTIONABLE.has(offer.status)) {
      return html`<div class="actions">
        <button part="action-button" type="button" @click=${() => {
            emit(this, 'swk-offer-action', { offer });
            track(this, 'offer_action', offer);
          }}>${this.#m.review}</button>
      </div>`;
    }
    const replacement = offerRefId(offer.replacement);
    if (this.noFollow && offer.status === 'replaced' && replacement) {
      return html`<div class="actions">
        <button
          part="replacement-button"
          type="button"
          @click=${() => {
            emit(this, 'swk-offer-replaced', { previousOfferId: offer.id, offerId: replacement, offer: null });
            track(this, 'offer_replaced', { id: replacement });
          }}
        >
          ${this.#m.viewReplacement}
        </button>
      </div>`;
    }
    return nothing;
  }

  #renderHistory(history: CapitalFinancingOffer[]): TemplateResult {
    return html`<details part="history" class="history">
      <summary>${this.#m.history(history.length)}</summary>
      <ol>
        ${history.map(
          (offer) => html`<li>
            ${this.#m.historyItem(this.#advanceText(offer), formatDate(offer.created, this.locale))} ${this.#renderStatus(offer)}
          </li>`,
        )}
      </ol>
    </details>`;
  }
}
