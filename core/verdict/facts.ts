import type { CreditLevel, CreditStatus, ListEntry, ListKind } from '../model/schema';
import type { MarkOutcome, PageClaims, VerdictInput } from './types';
import { endOfDay as endOf, entryInForce } from '../model/in-force';

/** Default age after which a status is stale: lists are published daily to weekly. */
export const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/** Levels that mean poor credit, per scheme (docs/domain.md §6); platform ratings are the platform's own, so none. */
export const LOW_LEVELS: Record<CreditLevel['scheme'], readonly string[]> = {
  tax: ['D'],
  'public-credit': ['D'],
  'samr-risk': ['D'],
  customs: ['失信企业'],
  'rating-agency': ['CCC', 'CC', 'C'],
  platform: [],
};

/** The best level of each scheme, the other end of LOW_LEVELS (the domain table of credit levels, docs/domain.md §6); platform ratings are the platform's own. */
export const TOP_LEVELS: Record<CreditLevel['scheme'], readonly string[]> = {
  tax: ['A'],
  'public-credit': ['A'],
  'samr-risk': ['A'],
  customs: ['高级认证企业'],
  'rating-agency': ['AAA'],
  platform: [],
};

/** Registration states after which the licence no longer stands (吊销 revoked, 注销 deregistered). */
export const DEAD_LICENCE = /吊销|注销/;

/** Everything the rules look at, computed once. */
export interface Facts {
  status?: CreditStatus;
  mark?: MarkOutcome;
  listsChecked: boolean;
  now: number;
  /** List kinds with at least one entry in force now (a red entry only while its list has not expired). */
  activeLists: Set<ListKind>;
  /** Entries in force of warning kinds whose list has expired: they still warn, with the list's expiry. */
  expiredListEntries: Array<{ entry: ListEntry; expires: string }>;
  activeLevels: CreditLevel[];
  stale: boolean;
  /** Something about the subject is known besides its name. */
  known: boolean;
  /** What the page claims (the page rules, core/verdict/page-rules.ts, read it). */
  page?: PageClaims;
}

export { endOfDay as endOf, entryInForce } from '../model/in-force';

/** The expiry of the list an entry came from, when its provenance names one (core/sources listProvenance). */
export function listExpiryOf(entry: ListEntry): string | undefined {
  return entry.provenance.expires;
}

/** A list is expired from its `expires` instant on; an unreadable date counts as expired. */
function expiredAt(expires: string | undefined, now: number): boolean {
  return expires !== undefined && !(Date.parse(expires) > now);
}

/** A credit level counts until its `validUntil` (inclusive). */
export function levelInForce(level: CreditLevel, now: number): boolean {
  return level.validUntil === undefined || !(endOf(level.validUntil) < now);
}

/** Reads the input once into the facts every rule looks at. */
export function gatherFacts(input: VerdictInput): Facts {
  const now = typeof input.now === 'number' ? input.now : input.now.getTime();
  const s = input.status;
  const activeLists = new Set<ListKind>();
  const expiredListEntries: Facts['expiredListEntries'] = [];
  for (const e of s?.listEntries ?? []) {
    if (!entryInForce(e, now)) continue;
    const expires = listExpiryOf(e);
    // An expired list cannot vouch for a shop, but what it warned about is still shown as a warning.
    if (expiredAt(expires, now)) {
      if (e.list === 'red') continue;
      expiredListEntries.push({ entry: e, expires: expires! });
    }
    activeLists.add(e.list);
  }
  const activeLevels = (s?.creditLevels ?? []).filter((l) => levelInForce(l, now));
  const asOf = s ? Date.parse(s.asOf) : Number.NaN;
  const stale = s !== undefined && !(now - asOf <= (input.staleAfterMs ?? STALE_AFTER_MS));
  const known = s !== undefined && (s.licence !== undefined || s.identityMark !== undefined || s.creditLevels.length > 0 ||
    s.listEntries.length > 0 || s.records.length > 0 || s.commitments.length > 0);
  return { status: s, mark: input.mark, listsChecked: input.listsChecked, now, activeLists, expiredListEntries, activeLevels, stale, known, page: input.page };
}
