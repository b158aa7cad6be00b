import type { CreditStatus } from '../model/schema';
import type { ListParts } from './from-lists';

const dedupe = <T>(items: T[], key: (t: T) => string): T[] => {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    return seen.has(k) ? false : (seen.add(k), true);
  });
};

/**
 * Combines local list parts and endpoint statuses into one status; each part keeps its own provenance.
 * Undefined when neither knows the subject. `asOf` is the oldest time any part was assembled.
 */
export function mergeStatus(lists: ListParts | undefined, found: { status: CreditStatus; fetchedAt: number }[], now: number): CreditStatus | undefined {
  const subject = found[0]?.status.subject ?? lists?.subject;
  if (!subject) return undefined;
  const statuses = found.map((f) => f.status);
  const oldest = Math.min(now, ...found.flatMap((f) => [f.fetchedAt, Date.parse(f.status.asOf)]).filter((t) => !Number.isNaN(t)));
  const licence = statuses.find((s) => s.licence)?.licence;
  const identityMark = statuses.find((s) => s.identityMark)?.identityMark;
  return {
    subject,
    ...(licence ? { licence } : {}),
    ...(identityMark ? { identityMark } : {}),
    creditLevels: dedupe([...(lists?.creditLevels ?? []), ...statuses.flatMap((s) => s.creditLevels)],
      (l) => [l.scheme, l.level, l.issuer, l.date].join('\u0000')),
    listEntries: dedupe([...(lists?.listEntries ?? []), ...statuses.flatMap((s) => s.listEntries)],
      (e) => [e.list, e.authority, e.since, e.reason].join('\u0000')),
    records: dedupe(statuses.flatMap((s) => s.records), (r) => [r.type, r.authority, r.date, r.title, r.number ?? ''].join('\u0000')),
    commitments: dedupe(statuses.flatMap((s) => s.commitments), (c) => [c.title, c.madeAt].join('\u0000')),
    asOf: new Date(oldest).toISOString(),
  };
}
