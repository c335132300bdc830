import type { AccountDataMessages } from './account-data.messages.js';

const ja: AccountDataMessages = {
  loading: '残高を読み込んでいます…',
  balance: '現在の残高',
  balanceNow: (amounts: string) => `現在の残高：${amounts}`,
  asOf: '時点',
  noBalance: '残高はまだ取得されていません。',
  updating: '残高を更新しています…',
  failed: '残高を更新できませんでした。',
  refresh: '残高を更新',
  refreshing: '更新しています…',
  availableAt: (time: string) => `${time} 以降にもう一度更新できます。`,
  refreshFailed: '残高の更新を開始できませんでした',
  owners: '名義人',
  ownersUpdating: '名義人を取得しています…',
  ownersFailed: '名義人を取得できませんでした。',
};

export default ja;
