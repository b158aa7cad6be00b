// The one rule for "is this list entry in force now", shared by core/verdict and the audit's risk-warning rule.

/** China Standard Time, UTC+8 all year (no daylight saving): list publishers date their entries in it. */
const CHINA_OFFSET = '+08:00';
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** An instant (ms since the epoch) as ISO 8601 in China time with its offset, to the millisecond: `2026-11-30T16:05:09.120+08:00`. */
export function chinaTime(ms: number): string {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 23)}${CHINA_OFFSET}`;
}

/**
 * The first instant (ms since the epoch) a bound counts from: a calendar day (`2026-11-20`) starts at 00:00 China
 * time (2026-11-19T16:00Z); a date-time is taken as written. NaN when unreadable.
 */
export function startOfDay(day: string): number {
  return DATE_ONLY.test(day) ? Date.parse(`${day}T00:00:00.000${CHINA_OFFSET}`) : Date.parse(day);
}

/**
 * The last instant (ms since the epoch) a bound still counts: a calendar day (`2026-11-20`) ends at 23:59:59.999
 * China time (2026-11-20T15:59:59.999Z); a date-time is taken as written. NaN when unreadable.
 */
export function endOfDay(day: string): number {
  return DATE_ONLY.test(day) ? Date.parse(`${day}T23:59:59.999${CHINA_OFFSET}`) : Date.parse(day);
}

/** The fields of a list entry (a status's `ListEntry` or a list file's line) that decide whether it is in force. */
export interface InForceFields {
  /** First day (or instant) of the entry, inclusive. */
  since: string;
  /** Last day (or instant) of the entry, inclusive; none means open-ended. */
  until?: string;
  /** Set once the subject repaired its credit (信用修复): from then on the entry never counts. */
  repairedAt?: string;
}

/**
 * Whether a list entry is in force at `now` (ms since the epoch). Calendar days are China-time days with inclusive
 * ends: an entry `since 2026-11-20 until 2026-11-30` counts from 2026-11-20 00:00 to 2026-11-30 23:59:59.999 China
 * time (UTC+8), whatever the caller's time zone; a date-time bound counts to the millisecond it names. A repaired
 * entry never counts; an unreadable bound (which list validation rejects anyway) does not limit the entry.
 * Used by core/verdict (docs/verdict.md) and the audit's risk-warning rule (docs/audit.md).
 */
export function entryInForce(entry: InForceFields, now: number): boolean {
  if (entry.repairedAt !== undefined) return false;
  if (startOfDay(entry.since) > now) return false;
  return entry.until === undefined || !(endOfDay(entry.until) < now);
}
