import type { FcMessages } from './fc-link-account.messages.js';

const ja: FcMessages = {
  link: '銀行口座を連携',
  linkAnother: '別の口座を連携',
  tryAgain: 'もう一度試す',
  creating: '安全なセッションを開始しています…',
  waiting: '銀行のウィンドウで連携が完了するのを待っています…',
  linkedTitle: '連携済みの口座',
  linked: (count: number) => `${count} 件の口座を連携しました。`,
  emptyTitle: '口座は連携されませんでした',
  empty: '口座が選択されなかったか、銀行のウィンドウが閉じられました。もう一度お試しいただけます。',
  errorTitle: '銀行口座を連携できませんでした',
  accountEnding: (last4: string) => `末尾 ${last4} の口座`,
  unknownInstitution: '銀行',
  category: { cash: '現金', credit: 'クレジット', investment: '投資', other: 'その他' },
  subcategory: {
    checking: '当座預金',
    savings: '普通預金',
    mortgage: '住宅ローン',
    line_of_credit: '信用枠',
    credit_card: 'クレジットカード',
    other: 'その他',
  },
  status: { active: '有効', inactive: '無効', disconnected: '切断済み' },
};

export default ja;
