import { verifyBytes } from '../crypto/ed25519';
import { findKey } from '../trust/find-key';
import { originAllowed } from '../trust/origin';
import type { TrustList } from '../trust/schema';
import { pageMatchesBinding } from './binding';
import { decodeMark } from './decode';
import { OUTCOME_TEXT, type MarkOutcome, type Reason } from './outcome';
import type { MarkPayload } from './schema';
import { bitAt } from '../status/bits';
import type { StatusSource } from '../status/source';

/** The result of verifying a shop mark on a page. */
export interface MarkCheck {
  outcome: MarkOutcome;
  /** Present once the payload parsed; trustworthy only when outcome is 'genuine'. */
  payload?: MarkPayload;
  /** The issuer from the trust list, when the key was found there. */
  issuer?: { id: string; name: string };
  /** Bilingual explanation for the shopper. */
  reason: Reason;
  /** Finer machine-readable cause, e.g. 'origin-not-allowed', 'key-expired', 'not-yet-valid'. */
  detail?: string;
}

export interface VerifyMarkOptions {
  /** The verified trust list payload (see verifyTrustList). */
  trust: TrustList;
  /** The page the mark is shown on. */
  pageUrl: string | URL;
  /** Current time (ms since the epoch or a Date). */
  now: Date | number;
  /**
   * The issuer's status list (core/status createStatusSource), asked only when the trust list declares one for the
   * issuer. Without it such a mark is `status-unknown`, never genuine.
   */
  status?: StatusSource;
}

/** Tolerated clock difference between the issuer and the shopper for iat. */
const SKEW_MS = 5 * 60 * 1000;

const check = (outcome: MarkOutcome, zh: string, en: string, extra: Partial<MarkCheck> = {}): MarkCheck => ({
  outcome,
  reason: zh ? { zh: `${OUTCOME_TEXT[outcome].zh}。${zh}`, en: `${OUTCOME_TEXT[outcome].en}. ${en}` } : OUTCOME_TEXT[outcome],
  ...extra,
});

/**
 * Verifies a shop mark (compact JWS) for the page it is shown on. Order: malformed → unknown issuer/key (also a
 * list-publisher key: detail 'wrong-role') → tampered → revoked key → longer-lived than the issuer's maxMarkDays
 * (malformed, detail 'lifetime-too-long') → issuer not allowed on the bound origin (unknown-issuer, detail
 * 'origin-not-allowed') → copied (page outside the binding) → expired → when the issuer declares a status list:
 * revoked (its bit is set) or status-unknown (no index, list unreachable, invalid or stale) → genuine.
 * Never throws; every input gets a named outcome.
 */
export async function verifyMark(token: unknown, options: VerifyMarkOptions): Promise<MarkCheck> {
  try {
    return await verifyUnsafe(token, options);
  } catch {
    return check('malformed', '无法处理该标识', 'The mark could not be processed', { detail: 'internal' });
  }
}

async function verifyUnsafe(token: unknown, { trust, pageUrl, now, status }: VerifyMarkOptions): Promise<MarkCheck> {
  const decoded = decodeMark(token);
  // The decoder's words are for developers: the shopper reads the outcome, `detail` keeps the specifics.
  if (!decoded.ok) return check('malformed', '', '', { detail: decoded.problem });
  const { header, payload, jws } = decoded;
  const t = now instanceof Date ? now.getTime() : now;

  const lookup = findKey(trust, header.kid, t, { role: 'platform' });
  const issuerOfKey = 'issuer' in lookup ? lookup.issuer : undefined;
  if (!issuerOfKey || !lookup.key) {
    return check('unknown-issuer', `信任名单中没有密钥 ${header.kid}`, `No key ${header.kid} in the trust list`, { payload, detail: 'unknown-key' });
  }
  const issuer = { id: issuerOfKey.id, name: issuerOfKey.name };
  if (issuerOfKey.id !== payload.iss) {
    return check('unknown-issuer', `声称由 ${payload.iss} 签发，但密钥属于 ${issuer.name}`, `Claims issuer ${payload.iss} but the key belongs to ${issuer.id}`, { payload, detail: 'issuer-mismatch' });
  }
  if ('error' in lookup && lookup.error === 'wrong-role') {
    return check('unknown-issuer', `${issuer.name} 只能签发名单，不能签发店铺标识`, `${issuer.id} may publish lists, not shop marks`, { payload, issuer, detail: 'wrong-role' });
  }
  if (!(await verifyBytes(lookup.key, jws.signingInput, jws.signature))) {
    return check('tampered', '内容在签发后被改动，或签名属于其他标识', 'The content changed after signing, or the signature belongs to another mark', { payload, issuer });
  }
  if ('error' in lookup) {
    if (lookup.error === 'revoked') return check('revoked-key', `${issuer.name} 已吊销密钥 ${header.kid}`, `${issuer.id} revoked key ${header.kid}`, { payload, issuer });
    if (lookup.error === 'expired') return check('expired', `签发密钥 ${header.kid} 已过有效期`, `Signing key ${header.kid} is past its validity`, { payload, issuer, detail: 'key-expired' });
    return check('unknown-issuer', `签发密钥 ${header.kid} 尚未生效`, `Signing key ${header.kid} is not valid yet`, { payload, issuer, detail: 'key-not-yet-valid' });
  }
  const maxDays = issuerOfKey.maxMarkDays;
  if (maxDays !== undefined && payload.exp - payload.iat > maxDays * 86400) {
    return check('malformed', `有效期超过 ${maxDays} 天上限`, `Valid longer than its issuer's ${maxDays}-day maximum`, { payload, issuer, detail: 'lifetime-too-long' });
  }
  if (!originAllowed(payload.bind.origin, issuerOfKey.origins)) {
    return check('unknown-issuer', `${issuer.name} 无权为 ${payload.bind.origin} 签发标识`, `${issuer.id} is not trusted for ${payload.bind.origin}`, { payload, issuer, detail: 'origin-not-allowed' });
  }
  let page: URL;
  try {
    page = new URL(String(pageUrl));
  } catch {
    return check('copied', '无法确认当前页面地址', 'The page address cannot be read', { payload, issuer, detail: 'bad-page-url' });
  }
  if (!pageMatchesBinding(page, payload.bind)) {
    return check('copied', `它属于 ${payload.bind.origin}${payload.bind.path}`, `It belongs to ${payload.bind.origin}${payload.bind.path}`, { payload, issuer });
  }
  if (t + SKEW_MS < payload.iat * 1000) {
    return check('malformed', '签发时间在未来', 'Its issue time is in the future', { payload, issuer, detail: 'not-yet-valid' });
  }
  if (t >= payload.exp * 1000) {
    const until = beijingDate(payload.exp);
    return check('expired', `有效期至 ${until}`, `Valid until ${until} (Beijing time)`, { payload, issuer });
  }
  if (issuerOfKey.statusList) {
    const idx = payload.status?.idx;
    const list = status && idx !== undefined ? await status(issuerOfKey) : undefined;
    const bit = list?.ok ? bitAt(list.bits, idx!) : undefined;
    if (bit === undefined) {
      // One wording with the code keeps the status texts out of the widget; STATUS_ERROR_TEXT[code] has the long form.
      const code = idx === undefined ? 'no-status-index' : !list ? 'status-not-checked' : list.ok ? 'status-index-out-of-range' : `status-${list.error}`;
      return check('status-unknown', '', '', { payload, issuer, detail: code });
    }
    if (bit) return check('revoked', `签发：${issuer.name}`, `Issued by ${issuer.name}`, { payload, issuer });
  }
  return check('genuine', `签发：${issuer.name}`, `Issued by ${issuer.name}`, { payload, issuer });
}

/** Shoppers read dates in Beijing time (UTC+8). */
const beijingDate = (seconds: number) => new Date(seconds * 1000 + 8 * 3600_000).toISOString().slice(0, 10);
