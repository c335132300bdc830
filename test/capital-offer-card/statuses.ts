/**
 * Each financing-offer status with the badge text a user must see (en, ja) and whether the card offers
 * "Review offer". Shared by the Chromium tests and the end-to-end tests of the demo page.
 * `replaced` is not here: Stripe always sends it with its `replacement`, so the card follows it (or,
 * with `no-follow`, names it); replacement.test.ts covers its wording in both languages.
 */
export const STATUSES: [status: string, en: string, ja: string, actionable: boolean][] = [
  ['undelivered', 'New', '新規', true],
  ['delivered', 'Available', '提供中', true],
  ['accepted', 'Accepted', '承諾済み', false],
  ['accepted_other_offer', 'Another offer accepted', '別のオファーを承諾済み', false],
  ['canceled', 'Canceled', 'キャンセル済み', false],
  ['completed', 'Completed', '完了', false],
  ['expired', 'Expired', '期限切れ', false],
  ['fully_repaid', 'Fully repaid', '返済完了', false],
  ['paid_out', 'Paid out', '入金済み', false],
  ['rejected', 'Not approved', '不承認', false],
  ['revoked', 'Withdrawn', '取り消し済み', false],
];
