import type { Lang } from './types';

// Words only the licence card and the extension's popup use: kept out of i18n.ts, which the first paint loads.

/** Credit list kinds as people say them (core/model ListKind). */
export const LIST_NAME: Record<string, [string, string]> = {
  red: ['红名单（守信激励）', 'Red list (trustworthy)'], black: ['黑名单', 'Black list'],
  abnormal: ['经营异常名录', 'Abnormal operation list'], 'seriously-dishonest': ['严重失信主体名单', 'Seriously dishonest list'],
  'judgment-defaulter': ['失信被执行人', 'Judgment defaulter'],
};

/** Punctuation of the language: a label's colon, a list separator, a comma, and brackets around a note. */
export const punct = (lang: Lang) => (lang === 'zh' ? { colon: '：', sep: '；', comma: '，', open: '（', close: '）' } : { colon: ': ', sep: '; ', comma: ', ', open: ' (', close: ')' });

