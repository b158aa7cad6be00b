import type { MarkPayload } from '../../core/marks';
import type { CreditStatus } from '../ui/types';

const iso = (ms: number) => new Date(ms).toISOString();

/** A credit status built from a verified mark: every part's provenance is the mark and its issuer. */
export function statusFromMark(p: MarkPayload, issuerName: string, now: number): CreditStatus {
  const provenance = { source: `mark:${p.iss}`, sourceName: issuerName, retrievedAt: iso(p.iat * 1000) };
  return {
    subject: { ...p.sub, provenance },
    licence: p.licence && { ...p.licence, provenance },
    identityMark: { ...p.identity, provenance },
    creditLevels: p.credit.map((c) => ({ ...c, provenance })),
    listEntries: [],
    records: [],
    commitments: [],
    asOf: iso(now),
  };
}
