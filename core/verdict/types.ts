import type { CreditStatus } from '../model/schema';

/** How far to trust a shop, from best to "we cannot say". */
export type VerdictLevel = 'good' | 'neutral' | 'caution' | 'danger' | 'unknown';

/** Outcome of the shop's mark: a verified XinBiao mark, or `official-link` for a SAMR 亮照 link we cannot verify. */
export type MarkOutcome = import('../marks/outcome').MarkOutcome | 'official-link';

/** One human-readable reason; `code` is the id of the rule that produced it, `level` that rule's level. */
export interface VerdictReason {
  code: string;
  zh: string;
  en: string;
  /** The level the rule stands for (a cap's level for caps): the reasons whose level is the verdict's are its headline. */
  level: VerdictLevel;
}

/** An operator as someone names it: a code, a name, or both. */
export interface Claim {
  uscc?: string;
  name?: string;
}

/** Who the page itself says runs the shop (detection, unverified), next to what the marks on it say. */
export interface PageClaims {
  /** What the page shows for this subject (licence text, site adapter …): a claim, not a registration. */
  subject?: Claim;
  /** Every operator the page's own text names (not marks). */
  named: readonly Claim[];
  /** The subjects of the marks on the page whose content could be read. */
  marks: readonly Claim[];
}

export interface Verdict {
  level: VerdictLevel;
  /** In rule order (most severe rules first); empty only when nothing at all is known. */
  reasons: VerdictReason[];
}

export interface VerdictInput {
  /** The credit status, when any source knew the subject. */
  status?: CreditStatus;
  /** The shop's mark check outcome (a `MarkCheck.outcome`, or `official-link`), when the page carries a mark. */
  mark?: MarkOutcome;
  /** True when credit lists (local lists or a status endpoint) were consulted for this subject. */
  listsChecked: boolean;
  now: Date | number;
  /** What the page claims; absent when the subject did not come from a page (a typed query). */
  page?: PageClaims;
  /** A status whose `asOf` is older than this is stale and can never be good (default 7 days). */
  staleAfterMs?: number;
}
