import type { DemoSection } from '../shell.js';
import { capitalOfferCardSection } from './capital-offer-card.js';
import { climateOrderFormSection } from './climate-order-form.js';
import { climateOrderStatusSection } from './climate-order-status.js';
import { fcLinkAccountSection } from './fc-link-account.js';
import { sptTokenStatusSection } from './spt-token-status.js';
import { paymentCaptureStatusSection } from './payment-capture-status.js';

/** One section per widget; each widget issue adds its own. */
export const sections: DemoSection[] = [capitalOfferCardSection, fcLinkAccountSection, climateOrderStatusSection, climateOrderFormSection, sptTokenStatusSection, paymentCaptureStatusSection];
