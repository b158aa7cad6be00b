import * as z from 'zod/mini';
import { CreditStatus } from '../../core/model';

// Shapes shared by the protocol map (messaging.ts) and the parts that need only one of them (the content script).
export const text = (max: number) => z.string().check(z.maxLength(max));

export const VerdictLevel = z.enum(['good', 'neutral', 'caution', 'danger', 'unknown']);
export type VerdictLevel = z.infer<typeof VerdictLevel>;

/** A bilingual reason; a verdict's reasons carry their rule's level (its headline is those at the verdict's level). */
export const Reason = z.object({ code: text(80), zh: text(500), en: text(500), level: z.optional(VerdictLevel) });
export type Reason = z.infer<typeof Reason>;

/** What the page showed for one subject, as detection found it. */
export const Finding = z.object({
  uscc: z.optional(text(18)),
  name: z.optional(text(200)),
  source: text(60),
  confidence: z.number(),
});
export type Finding = z.infer<typeof Finding>;

export const MarkOutcome = z.enum(['genuine', 'copied', 'tampered', 'expired', 'unknown-issuer', 'revoked-key', 'malformed', 'revoked', 'status-unknown']);
export type MarkOutcome = z.infer<typeof MarkOutcome>;

/** A verified mark as the shopper sees it. */
export const MarkReport = z.object({
  outcome: MarkOutcome,
  issuer: z.optional(text(200)),
  uscc: z.optional(text(18)),
  name: z.optional(text(200)),
  boundTo: z.optional(text(500)),
  expires: z.optional(text(40)),
  /** The issuer's own check page for this mark (trust list `check`): https only, opened away from the shop's page. */
  checkUrl: z.optional(z.string().check(z.maxLength(1000), z.regex(/^https:\/\/[^\s"'<>]+$/))),
});
export type MarkReport = z.infer<typeof MarkReport>;

/** One subject on a page: verdict, the evidence and where each value came from. */
export const SubjectReport = z.object({
  key: text(220),
  uscc: z.optional(text(18)),
  /** The registered name (status), else what the page shows. */
  name: text(200),
  /** The page's own name for this subject when it differs from the registered one: shown only as its claim. */
  claimedName: z.optional(text(200)),
  source: text(60),
  level: VerdictLevel,
  reasons: z.array(Reason),
  marks: z.array(MarkReport),
  status: z.optional(CreditStatus),
});
export type SubjectReport = z.infer<typeof SubjectReport>;

export const PageReport = z.object({ url: text(4000), at: text(40), subjects: z.array(SubjectReport) });
export type PageReport = z.infer<typeof PageReport>;

export const Subscription = z.object({
  url: text(2000),
  /** Shipped with the extension (the sample lists). */
  bundled: z.boolean(),
  listId: z.optional(text(100)),
  name: z.optional(text(200)),
  count: z.optional(z.number()),
  version: z.optional(z.number()),
  lastCheck: z.optional(text(40)),
  lastSuccess: z.optional(text(40)),
  lastError: z.optional(Reason),
  /** From this instant the list is not known current (its signed timestamp lapsed or named a newer edition). */
  staleSince: z.optional(text(40)),
  updating: z.boolean(),
});
export type Subscription = z.infer<typeof Subscription>;
