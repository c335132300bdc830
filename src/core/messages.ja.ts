import type { CoreMessages } from './messages.js';

const ja: CoreMessages = {
  loading: '読み込み中…',
  retry: '再試行',
  retrying: '再試行しています…',
  errorTitle: '問題が発生しました',
  errorDetail: (detail: string) => `詳細: ${detail}`,
  requestId: (id: string) => `リクエスト ID: ${id}`,
  unknownValue: (value: string) => `不明 (${value})`,
  notAvailable: '利用できません',
  refreshFailed: '更新できませんでした。最後に取得した状態を表示しています。',
  errors: {
    network: 'サーバーに接続できませんでした。接続を確認して、もう一度お試しください。',
    timeout: 'サーバーの応答に時間がかかりすぎています。',
    http: 'サーバーがエラーを返しました。',
    invalid_response: 'サーバーの応答を読み取れませんでした。',
    stripe: 'Stripe がエラーを返しました。',
    stripe_js: 'Stripe を読み込めませんでした。',
    config: 'このウィジェットの設定が正しくありません。',
    render: 'この情報を表示できませんでした。',
  },
};

export default ja;
