import type { SptMessages } from './spt-token-status.messages.js';

const ja: SptMessages = {
  title: '共有決済トークン',
  states: { active: '有効', expired: '期限切れ', deactivated: '無効' },
  reasons: {
    revoked: 'エージェントが取り消しました',
    expired: '期限切れ',
    used: '使用済み',
    consumed: '使用済み (上限額に到達)',
    resolved: '販売者が解決済み',
  },
  tokenLabel: 'トークン',
  limitLabel: '利用上限額',
  usedLabel: '使用済み額',
  used: (captured: string, limit: string) => `${limit} のうち ${captured}`,
  agentLabel: 'エージェント',
  expiresLabel: '有効期限',
  timeLeftLabel: '残り時間',
  paymentMethodLabel: '決済手段',
  reasonLabel: '理由',
  deactivatedAtLabel: '無効化日時',
  noExpiry: '有効期限なし',
  card: (brand: string, last4: string) => `${brand} (末尾 ${last4})`,
  methodTypes: { card: 'カード' },
  unusable: 'このトークンは決済に使用できなくなりました。',
  announceActive: (timeLeft: string) => `トークンは有効です。残り ${timeLeft} で期限切れになります。`,
  announceTimeLeft: (timeLeft: string) => `トークンの有効期限まで残り ${timeLeft} です。`,
  announceExpired: 'トークンの有効期限が切れました。',
  announceDeactivated: (reason: string) => `トークンは無効になりました: ${reason}`,
};

export default ja;
