/** The connected account the server tests' offers belong to. */
export const CONNECTED_ACCOUNT = 'acct_connected_1';

/**
 * A `capital.financing_offer` as Stripe's preview API returns it to the platform (delivered, $5,000,
 * no replacement); `fields` replace fields.
 */
export function offerBody(id: string, fields: Record<string, unknown> = {}): Record<string, unknown> & { id: string } {
  return {
    id,
    object: 'capital.financing_offer',
    account: CONNECTED_ACCOUNT,
    status: 'delivered',
    financing_type: 'flex_loan',
    offered_terms: { currency: 'usd', advance_amount: 500000, fee_amount: 50000, withhold_rate: 0.15 },
    created: 1_700_000_000,
    expires_after: 1_702_592_000.5,
    replacement: null,
    replacement_for: null,
    ...fields,
  };
}
