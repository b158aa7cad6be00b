import { SOURCE_RANK, type DetectedSubject, type SubjectSource } from './types';

/** One sighting of a subject before sightings of the same subject are merged. */
export interface Candidate {
  uscc: string | null;
  regNo: string | null;
  name: string | null;
  source: SubjectSource;
  confidence: number;
  checksum: 'ok' | 'mismatch' | 'n/a';
  label: string | null;
  element: Element | null;
  /** Platform block or page footer. */
  platformArea: boolean;
}

const MAX_SUBJECTS = 50;
const CORROBORATION = 0.05;

/**
 * Merges sightings of the same code (or, for name-only sightings, the same name) and ranks them: the shop's
 * before the platform's, then by trust and confidence. The platform role needs a shop subject beside it that is
 * more than a copyright-line name.
 */
export function mergeCandidates(candidates: Candidate[]): DetectedSubject[] {
  const byKey = new Map<string, { best: Candidate; all: Candidate[] }>();
  const sorted = [...candidates].sort((a, b) => SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || b.confidence - a.confidence);
  const nameKey = new Map<string, string>();
  for (const c of sorted) if (c.uscc || c.regNo) if (c.name && !nameKey.has(c.name)) nameKey.set(c.name, keyOf(c));
  for (const c of sorted) {
    const key = c.uscc || c.regNo ? keyOf(c) : (c.name && nameKey.get(c.name)) || keyOf(c);
    const entry = byKey.get(key);
    if (entry) entry.all.push(c);
    else byKey.set(key, { best: c, all: [c] });
  }
  const merged: (DetectedSubject & { platformArea: boolean })[] = [];
  for (const { best, all } of byKey.values()) {
    const sources = [...new Set(all.map((c) => c.source))];
    // A copyright line corroborates nothing: anyone can write a name there.
    const corroborating = sources.filter((s) => s !== 'copyright').length;
    merged.push({
      uscc: best.uscc ?? all.find((c) => c.uscc)?.uscc ?? null,
      regNo: best.regNo ?? all.find((c) => c.regNo)?.regNo ?? null,
      name: best.name ?? all.find((c) => c.name)?.name ?? null,
      source: best.source,
      sources,
      confidence: round(Math.min(0.99, best.confidence + CORROBORATION * Math.max(0, corroborating - 1))),
      checksum: best.checksum,
      role: 'shop',
      label: best.label ?? all.find((c) => c.label)?.label ?? null,
      element: best.element ?? all.find((c) => c.element)?.element ?? null,
      platformArea: all.every((c) => c.platformArea),
    });
  }
  // Only a subject some other source names can make the footer's subjects the platform's.
  const hasShop = merged.some((s) => !s.platformArea && s.source !== 'copyright');
  const out: DetectedSubject[] = merged.map(({ platformArea, ...s }) => ({ ...s, role: platformArea && hasShop ? 'platform' : 'shop' }));
  out.sort((a, b) =>
    (a.role === 'platform' ? 1 : 0) - (b.role === 'platform' ? 1 : 0) ||
    (a.checksum === 'mismatch' ? 1 : 0) - (b.checksum === 'mismatch' ? 1 : 0) ||
    SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || b.confidence - a.confidence);
  return out.slice(0, MAX_SUBJECTS);
}

const keyOf = (c: Candidate) => (c.uscc ? `u:${c.uscc}` : c.regNo ? `r:${c.regNo}` : `n:${c.name ?? ''}`);
const round = (n: number) => Math.round(n * 100) / 100;
