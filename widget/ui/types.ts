import type { CreditStatus } from '../../core/model';
import type { MarkOutcome } from '../../core/marks';

/** Verdict levels, as core/verdict decides them. */
export type VerdictLevel = 'good' | 'neutral' | 'caution' | 'danger' | 'unknown';

/** A verdict as plain data: what decideVerdict returns, or what the extension passes in. */
export interface VerdictView {
  level: VerdictLevel;
  /** `level`: the level of the rule behind the reason (core/verdict); the headline shows those at `level`. */
  reasons: { code: string; zh: string; en: string; level?: VerdictLevel }[];
}

/** Outcomes of a signed-mark check (core/marks MarkCheck.outcome). */
export type { MarkOutcome };

/** What the UI needs from a mark check; plain data so any caller can build it. */
export interface MarkCheckView {
  outcome: MarkOutcome;
  /** Issuing platform's display name, when known. */
  issuerName?: string;
  /** Where the mark says it belongs (origin + path prefix). */
  boundTo?: string;
  expiresAt?: string;
  /** Bilingual explanation (core/marks MarkCheck.reason). */
  reason?: { zh: string; en: string };
  /** The issuer's own check page for this mark (trust list `check`), independent of the page showing it. */
  checkUrl?: string;
}

/** The subject line of a badge. */
export interface SubjectView {
  name: string;
  uscc?: string;
  kind: 'company' | 'individual-business' | 'individual-seller';
}

export type Lang = 'zh' | 'en';

export type { CreditStatus };
