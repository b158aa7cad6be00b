import { stripUnseen } from '../identifiers';
import type { CreditLevel, ListEntry, ListKind, Provenance, Subject } from '../model/schema';
import type { StoredLevelLine, ListInfo, StoredLine, ListMatch } from './ports';

/** Provenance of a value read from a list: also until when the list's publisher vouches for it. */
export type ListProvenance = Provenance & Required<Pick<Provenance, 'expires'>>;

/** List kinds whose entries are problems: only these can show a shop is on no such list. */
export const WARNING_KINDS: ReadonlySet<string> = new Set<ListKind>(['black', 'seriously-dishonest', 'judgment-defaulter', 'abnormal']);

/** A list is expired from its `expires` instant on (an unreadable date counts as expired). */
export function listExpired(list: Pick<ListInfo, 'expires'>, now: number): boolean {
  return !(Date.parse(list.expires) > now);
}

/** A list is not current from its `staleSince` instant on (see core/lists/timestamp.ts). */
export const listStale = (list: Pick<ListInfo, 'staleSince'>, now: number): boolean => list.staleSince !== undefined && !(Date.parse(list.staleSince) > now);

/** Whether local lists can vouch that a subject is on none of them: some current black or abnormal list is in force. */
export function listsVouch(lists: readonly Pick<ListInfo, 'kind' | 'expires' | 'staleSince'>[], now: number): boolean {
  return lists.some((l) => WARNING_KINDS.has(l.kind) && !listExpired(l, now) && !listStale(l, now));
}

/** The parts of a credit status that local list matches give. */
export interface ListParts {
  listEntries: ListEntry[];
  creditLevels: CreditLevel[];
  /** The subject as the first matching list names it, when any matched. */
  subject?: Subject;
}

/**
 * Provenance of everything read from one list version: `list:<id>@v<version>`, its publisher, its import time, its
 * issue date and its expiry. Given `now`, an expired list says so in `sourceName`, the text people see next to the value.
 */
export function listProvenance(list: ListInfo, now?: number): ListProvenance {
  const day = list.expires.slice(0, 10);
  const stale = list.staleSince?.slice(0, 16).replace('T', ' ');
  const sourceName = now !== undefined && listExpired(list, now) ? `${list.publisher.name}（名单已于 ${day} 过期 / list expired ${day}）`
    : now !== undefined && listStale(list, now) ? `${list.publisher.name}（名单自 ${stale} 起未更新 / list not current since ${stale}）`
    : list.publisher.name;
  return { source: `list:${list.id}@v${list.version}`, sourceName, retrievedAt: list.importedAt, issued: list.issued, expires: list.expires };
}

/** The kind of subject a USCC names: 92… is an individual business (个体工商户), the rest are organisations. */
export function subjectKindOf(uscc: string | undefined): Subject['kind'] {
  return uscc?.startsWith('92') ? 'individual-business' : 'company';
}

/**
 * Turns list matches into list entries and credit levels, each with the provenance of its list. Entries of expired
 * lists are kept (a black-list entry must still warn); the verdict reads the expiry from their provenance.
 */
export function listMatchesToParts(matches: readonly ListMatch[], now?: number): ListParts {
  const parts: ListParts = { listEntries: [], creditLevels: [] };
  for (const { list, line } of matches) {
    const provenance = listProvenance(list, now);
    // A list's names are checked as text only (core/lists/schema.ts); the status shows them without unseen characters.
    parts.subject ??= { ...(line.uscc ? { uscc: line.uscc } : {}), name: stripUnseen(line.name), kind: subjectKindOf(line.uscc), provenance };
    if (list.kind === 'credit-level') {
      const l = line as StoredLevelLine;
      parts.creditLevels.push({
        scheme: l.scheme, schemeName: l.schemeName, level: l.level, issuer: l.issuer, date: l.date,
        ...(l.validUntil ? { validUntil: l.validUntil } : {}), provenance,
      });
    } else {
      const l = line as StoredLine;
      parts.listEntries.push({
        list: list.kind, reason: l.reason, authority: l.authority, since: l.since,
        ...(l.until ? { until: l.until } : {}), ...(l.repairedAt ? { repairedAt: l.repairedAt } : {}), provenance,
      });
    }
  }
  return parts;
}
