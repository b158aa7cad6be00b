import type { CreditLevelLine, ListLine } from '../lists/schema';
import type { CreditLevel, ListEntry, Provenance, Subject } from '../model/schema';
import type { ListInfo, ListMatch } from './ports';

/** The parts of a credit status that local list matches give. */
export interface ListParts {
  listEntries: ListEntry[];
  creditLevels: CreditLevel[];
  /** The subject as the first matching list names it, when any matched. */
  subject?: Subject;
}

/** Provenance of everything read from one list version: `list:<id>@v<version>`, its publisher, its import time. */
export function listProvenance(list: ListInfo): Provenance {
  return { source: `list:${list.id}@v${list.version}`, sourceName: list.publisher.name, retrievedAt: list.importedAt };
}

/** The kind of subject a USCC names: 92… is an individual business (个体工商户), the rest are organisations. */
export function subjectKindOf(uscc: string | undefined): Subject['kind'] {
  return uscc?.startsWith('92') ? 'individual-business' : 'company';
}

/** Turns list matches into list entries and credit levels, each with the provenance of its list. */
export function listMatchesToParts(matches: readonly ListMatch[]): ListParts {
  const parts: ListParts = { listEntries: [], creditLevels: [] };
  for (const { list, line } of matches) {
    const provenance = listProvenance(list);
    parts.subject ??= { ...(line.uscc ? { uscc: line.uscc } : {}), name: line.name, kind: subjectKindOf(line.uscc), provenance };
    if (list.kind === 'credit-level') {
      const l = line as CreditLevelLine;
      parts.creditLevels.push({
        scheme: l.scheme, schemeName: l.schemeName, level: l.level, issuer: l.issuer, date: l.date,
        ...(l.validUntil ? { validUntil: l.validUntil } : {}), provenance,
      });
    } else {
      const l = line as ListLine;
      parts.listEntries.push({
        list: list.kind, reason: l.reason, authority: l.authority, since: l.since,
        ...(l.until ? { until: l.until } : {}), ...(l.repairedAt ? { repairedAt: l.repairedAt } : {}), provenance,
      });
    }
  }
  return parts;
}
