/** The named findings of mark verification. */
export type MarkOutcome = 'genuine' | 'copied' | 'tampered' | 'expired' | 'unknown-issuer' | 'revoked-key' | 'malformed' | 'revoked' | 'status-unknown';

/** Bilingual text shown to shoppers; Chinese first. */
export interface Reason {
  zh: string;
  en: string;
}

/** What the shopper sees for each outcome (a short headline; MarkCheck.reason adds the specifics). */
export const OUTCOME_TEXT: Record<MarkOutcome, Reason> = {
  genuine: { zh: '标识有效：由可信平台签发，且属于本店', en: 'Genuine mark: signed by a trusted platform for this shop' },
  copied: { zh: '标识被挪用：它属于另一个店铺或网站', en: 'Copied mark: it belongs to another shop or site' },
  tampered: { zh: '标识被篡改：签名不符', en: 'Tampered mark: the signature does not match' },
  expired: { zh: '标识已过期', en: 'Expired mark' },
  'unknown-issuer': { zh: '签发者不在信任名单中', en: 'Unknown issuer: not in the trust list' },
  'revoked-key': { zh: '签发密钥已被吊销', en: 'The signing key has been revoked' },
  malformed: { zh: '标识格式错误，无法读取', en: 'Malformed mark: it cannot be read' },
  revoked: { zh: '标识已被签发者撤销', en: 'Revoked mark: withdrawn by its issuer' },
  'status-unknown': { zh: '标识状态未知：无法确认是否已撤销', en: 'Mark status unknown: withdrawal cannot be checked' },
};
