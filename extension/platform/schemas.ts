import * as z from 'zod/mini';
import { CreditStatus } from '../../core/model';
import { SHOP_ID } from '../sites/read';
import { PAGE_KINDS } from '../sites/define-site';

// Shapes shared by the protocol map (messaging.ts) and the parts that need only one of them (the content script).
export const text = (max: number) => z.string().check(z.maxLength(max));

/** An https address the extension built itself (a licence page from adapter data, an issuer's check page). */
export const httpsUrl = z.string().check(z.maxLength(1000), z.regex(/^https:\/\/[^\s"'<>]+$/u));

/**
 * The shop a page belongs to, as its adapter read it: adapter id, the platform's shop id (readShop's shape) and the
 * shop's licence page, built by licenceUrlOf from adapter data only (never an address taken from the page).
 * `data`: the id came from a way only signed adapter data gives; it links the licence page but reads no remembered
 * operator (a file's way may read a place a seller writes).
 */
export const ShopRef = z.object({
  site: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  id: z.string().check(z.regex(SHOP_ID)),
  licenceUrl: z.optional(httpsUrl),
  data: z.optional(z.literal(true)),
});
export type ShopRef = z.infer<typeof ShopRef>;

/** What a page of an adapter should show and may miss: the shop's name, its id on the platform, its operator. */
export const MissedValue = z.enum(['shopName', 'shopId', 'operator']);
export type MissedValue = z.infer<typeof MissedValue>;

/**
 * One way of the adapter that was tried and yielded nothing: its index in the value's list (readShop's `via`
 * order, runtime/misses.ts) and what it reads from. Never the selector's or pattern's text, never what the page held.
 */
export const MissedWay = z.strictObject({
  i: z.int().check(z.minimum(0), z.maximum(63)),
  from: z.enum(['script', 'url', 'near', 'selector']),
});
export type MissedWay = z.infer<typeof MissedWay>;

const siteId = z.string().check(z.regex(/^[a-z0-9-]{1,40}$/));
const dataFileId = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/));

/** At most this many adapter data files are named per miss and per health row (more than a few on one site is not expected). */
export const MAX_DATA_FILES = 16;

/**
 * A signed adapter data file laid over an adapter (docs/adapter-data.md): its id, its publisher's id and its version,
 * as the signed file says. Never the address it was fetched from.
 */
export const AdapterDataRef = z.strictObject({
  id: dataFileId,
  publisher: text(100),
  version: z.int().check(z.minimum(1)),
});
export type AdapterDataRef = z.infer<typeof AdapterDataRef>;

/**
 * A page its adapter claims that missed what its kind shows (content → background, `content:miss`): adapter id,
 * page kind, per missed value the ways tried, and the adapter data files the content script's adapter was made of
 * (`data`, dataInForce: in the order they apply; empty = bundled). Strict: a message with any other
 * field (an address, a name) is refused, so nothing of the page can ride along.
 */
export const AdapterMiss = z.strictObject({
  site: siteId,
  kind: z.enum(PAGE_KINDS),
  misses: z.array(z.strictObject({ value: MissedValue, ways: z.array(MissedWay).check(z.maxLength(64)) })).check(z.minLength(1), z.maxLength(3)),
  data: z.array(AdapterDataRef).check(z.maxLength(MAX_DATA_FILES)),
});
export type AdapterMiss = z.infer<typeof AdapterMiss>;

/** A UTC calendar day, `YYYY-MM-DD`: the finest time adapter health keeps. */
export const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/**
 * One row of the adapter health table: how often (and between which days) pages of a kind missed a value that way,
 * under which adapter data (`data`: the files in force for that adapter, in the order they apply; empty = bundled).
 */
export const HealthRow = z.object({
  site: siteId,
  kind: z.enum(PAGE_KINDS),
  value: MissedValue,
  ways: z.array(MissedWay).check(z.maxLength(64)),
  data: z.array(AdapterDataRef).check(z.maxLength(MAX_DATA_FILES)),
  count: z.int().check(z.minimum(1)),
  first: Day,
  last: Day,
});
export type HealthRow = z.infer<typeof HealthRow>;

/** Where and when a remembered operator was read: the licence page or another page of the shop (host + path, no query), ISO time. */
export const ReadOn = z.object({ kind: z.enum(['licence', 'page']), path: text(500), at: text(40) });
export type ReadOn = z.infer<typeof ReadOn>;

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
  checkUrl: z.optional(httpsUrl),
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
  /** This page names no operator: the subject is the shop's remembered one (source `memory`), read there and then. */
  readOn: z.optional(ReadOn),
  /** The shop's licence page, where the shopper reads (and the extension remembers) the operator. */
  licenceUrl: z.optional(httpsUrl),
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
