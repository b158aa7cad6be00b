import type { CreditStatus, Provenance, Subject } from '../model/schema';
import type { MarkPayload } from '../marks/schema';
import type { ListParts } from './from-lists';
import { chinaTime } from '../model/in-force';

/** A status endpoint's answer and when it was fetched (epoch ms). */
export interface EndpointPart {
  status: CreditStatus;
  fetchedAt: number;
}

/** The content of a mark that verified as genuine, with its issuer's display name from the trust list. */
export interface MarkPart {
  payload: MarkPayload;
  issuerName: string;
}

/** Everything one subject's status is assembled from; any part may be missing. */
export interface AssembleInput {
  /** Matches in the local credit lists (listMatchesToParts). */
  lists?: ListParts;
  /** Status endpoint answers, in the order the endpoints are configured. */
  endpoints?: readonly EndpointPart[];
  /** A genuine mark on the page for this subject. */
  mark?: MarkPart;
  /** Epoch ms: the assembly time, and the mark's read time. */
  now: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A verified mark as status parts: every part's provenance is the mark (`mark:<issuer id>`), issued at the mark's
 * `iat`, read at `now`.
 */
export function statusFromMark({ payload: p, issuerName }: MarkPart, now: number): CreditStatus {
  const provenance: Provenance = { source: `mark:${p.iss}`, sourceName: issuerName, retrievedAt: iso(now), issued: chinaTime(p.iat * 1000) }; // China time: the day people read is the issuer's calendar day
  return {
    subject: { ...p.sub, provenance },
    ...(p.licence ? { licence: { ...p.licence, provenance } } : {}),
    identityMark: { ...p.identity, provenance },
    creditLevels: p.credit.map((c) => ({ ...c, provenance })),
    listEntries: [],
    records: [],
    commitments: [],
    asOf: iso(now),
  };
}

/** Keeps the first of the items whose `keys` fields are equal. */
function dedupe<T>(items: T[], ...keys: (keyof T)[]): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = keys.map((f) => t[f]).join('\u0000');
    return !seen.has(k) && !!seen.add(k);
  });
}

/**
 * The one status assembler (docs/credit-status.md, "Precedence"): every source in one order, status endpoints first
 * (live registry records, in configured order), then a genuine mark (the platform's signed snapshot at its issue
 * time), then the local lists (a code and a name per line). Single-valued parts (subject, licence, identity mark)
 * are taken whole from the first source that has them; multi-valued parts (credit levels, list entries, records,
 * commitments) are the union, a value that several sources give kept once, the first source's copy. Every part
 * keeps its own provenance. `asOf` is the oldest time an endpoint part was fetched or assembled (a mark and lists
 * count as read at `now`). Undefined when no source knows the subject.
 */
export function assembleStatus({ lists, endpoints = [], mark, now }: AssembleInput): CreditStatus | undefined {
  const sources = [...endpoints.map((e) => e.status), ...(mark ? [statusFromMark(mark, now)] : [])];
  const subject: Subject | undefined = sources[0]?.subject ?? lists?.subject;
  if (!subject) return undefined;
  const licence = sources.find((s) => s.licence)?.licence;
  const identityMark = sources.find((s) => s.identityMark)?.identityMark;
  const oldest = Math.min(now, ...endpoints.flatMap((f) => [f.fetchedAt, Date.parse(f.status.asOf)]).filter((t) => !Number.isNaN(t)));
  return {
    subject,
    ...(licence ? { licence } : {}),
    ...(identityMark ? { identityMark } : {}),
    // One level per scheme, level and date: issuers are written differently by different sources.
    creditLevels: dedupe([...sources.flatMap((s) => s.creditLevels), ...(lists?.creditLevels ?? [])], 'scheme', 'level', 'date'),
    listEntries: dedupe([...sources.flatMap((s) => s.listEntries), ...(lists?.listEntries ?? [])], 'list', 'authority', 'since', 'reason'),
    records: dedupe(sources.flatMap((s) => s.records), 'type', 'authority', 'date', 'title', 'number'),
    commitments: dedupe(sources.flatMap((s) => s.commitments), 'title', 'madeAt'),
    asOf: iso(oldest),
  };
}
