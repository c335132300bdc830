import { defineMessages } from './i18n.js';
import type { WidgetErrorKind } from './errors.js';

/** Texts every widget shares. Widget catalogs live beside each widget. */
export const coreMessages = defineMessages(
  {
    loading: 'Loading…',
    retry: 'Try again',
    retrying: 'Trying again…',
    errorTitle: 'Something went wrong',
    errorDetail: (detail: string) => `Details: ${detail}`,
    requestId: (id: string) => `Request ID: ${id}`,
    unknownValue: (value: string) => `Unknown (${value})`,
    notAvailable: 'Not available',
    close: 'Close',
    cancel: 'Cancel',
    updated: 'Updated',
    errors: {
      network: 'We could not reach the server. Check your connection and try again.',
      timeout: 'The server took too long to answer.',
      http: 'The server returned an error.',
      invalid_response: 'The server sent an answer we could not read.',
      stripe: 'Stripe returned an error.',
      stripe_js: 'Stripe could not be loaded.',
      config: 'This widget is not set up correctly.',
    } satisfies Record<WidgetErrorKind, string>,
  },
  {
    loading: '読み込み中…',
    retry: '再試行',
    retrying: '再試行しています…',
    errorTitle: '問題が発生しました',
    errorDetail: (detail: string) => `詳細: ${detail}`,
    requestId: (id: string) => `リクエスト ID: ${id}`,
    unknownValue: (value: string) => `不明 (${value})`,
    notAvailable: '利用できません',
    close: '閉じる',
    cancel: 'キャンセル',
    updated: '更新しました',
    errors: {
      network: 'サーバーに接続できませんでした。接続を確認して、もう一度お試しください。',
      timeout: 'サーバーの応答に時間がかかりすぎています。',
      http: 'サーバーがエラーを返しました。',
      invalid_response: 'サーバーの応答を読み取れませんでした。',
      stripe: 'Stripe がエラーを返しました。',
      stripe_js: 'Stripe を読み込めませんでした。',
      config: 'このウィジェットの設定が正しくありません。',
    },
  },
);

export type CoreMessages = (typeof coreMessages)['en'];
