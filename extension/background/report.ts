import type { StatusSource } from '~~/core/status/source';
import type { CreditStatus, Provenance } from '~~/core/model/schema';
import { sameName } from '~~/core/lists/normalise-name';
import { verifyMark, type MarkCheck } from '~~/core/marks';
import { decideVerdict, type MarkOutcome } from '~~/core/verdict';
import type { TrustList } from '~~/core/trust';
import type { Finding, MarkReport, PageReport, Reason, Req, SubjectReport } from '../platform/messaging';

/** What the resolver answers for one subject. */
export interface Resolved {
  status?: CreditStatus;
  listsChecked: boolean;
}
export type Resolve = (q: { uscc?: string; name?: string }) => Promise<Resolved>;

export interface ReportDeps {
  trust: TrustList;
  /** Issuers' status lists (core/status); without it a mark of an issuer that declares one is status-unknown. */
  status?: StatusSource;
  resolve: Resolve;
  now: number;
}

const MISMATCH: Reason = {
  code: 'mark-subject-mismatch',
  zh: '页面上的营业执照与平台标识不是同一经营者',
  en: 'The licence on this page and the platform mark name different operators',
};
const SEVERITY = { danger: 0, caution: 1, unknown: 2, neutral: 3, good: 4 } as const;
const BAD_FIRST: MarkOutcome[] = ['tampered', 'copied', 'revoked', 'revoked-key', 'unknown-issuer', 'expired', 'malformed', 'status-unknown', 'genuine'];

const keyOf = (s: { uscc?: string; name?: string }) => (s.uscc ? `uscc:${s.uscc}` : `name:${s.name ?? ''}`);
const sameSubject = (a: { uscc?: string; name?: string }, b: { uscc?: string; name?: string }) =>
  a.uscc && b.uscc ? a.uscc === b.uscc : !!a.name && !!b.name && sameName(a.name, b.name);

function markReport(c: MarkCheck): MarkReport {
  const p = c.payload;
  return {
    outcome: c.outcome,
    ...(c.issuer ? { issuer: c.issuer.name } : {}),
    ...(p?.sub.uscc ? { uscc: p.sub.uscc } : {}),
    ...(p ? { name: p.sub.name, boundTo: `${p.bind.origin}${p.bind.path}`, expires: new Date(p.exp * 1000).toISOString() } : {}),
  };
}

/** A genuine mark's content as status parts, with the mark (its issuer) as provenance. */
function fromMark(c: MarkCheck, base: CreditStatus | undefined, now: number): CreditStatus | undefined {
  const p = c.payload;
  if (c.outcome !== 'genuine' || !p) return base;
  const provenance: Provenance = { source: `mark:${p.iss}`, sourceName: c.issuer?.name ?? p.iss, retrievedAt: new Date(now).toISOString() };
  const status: CreditStatus = base ?? {
    subject: { ...p.sub, provenance }, creditLevels: [], listEntries: [], records: [], commitments: [], asOf: new Date(now).toISOString(),
  };
  return {
    ...status,
    licence: status.licence ?? (p.licence ? { ...p.licence, provenance } : undefined),
    identityMark: status.identityMark ?? { ...p.identity, provenance },
    creditLevels: [...status.creditLevels, ...p.credit.map((l) => ({ ...l, provenance }))],
  };
}

/** Verifies the page's marks, resolves each subject and decides its verdict; the most severe subject comes first. */
export async function buildReport(req: Req<'content:page'>, deps: ReportDeps): Promise<PageReport> {
  const checks = await Promise.all(req.marks.map((m) => verifyMark(m.token, { trust: deps.trust, pageUrl: req.url, now: deps.now, ...(deps.status ? { status: deps.status } : {}) })));
  const found = new Map<string, Finding>();
  for (const f of req.subjects) if (!found.has(keyOf(f))) found.set(keyOf(f), f);
  for (const c of checks) {
    const sub = c.payload?.sub;
    if (sub && ![...found.values()].some((f) => sameSubject(f, sub))) found.set(keyOf(sub), { ...sub, source: 'mark', confidence: 1 });
  }
  const findings = [...found.values()];
  // A licence for one operator next to a mark for another: the page contradicts itself.
  const fromPage = findings.filter((f) => f.source !== 'mark');
  const mismatch = checks.some((c) => c.payload && fromPage.length > 0 && !fromPage.some((f) => sameSubject(f, c.payload!.sub)));

  const subjects = await Promise.all(findings.map(async (f, i): Promise<SubjectReport> => {
    const mine = checks.filter((c) => (c.payload ? sameSubject(f, c.payload.sub) : i === 0));
    mine.sort((a, b) => BAD_FIRST.indexOf(a.outcome) - BAD_FIRST.indexOf(b.outcome));
    const resolved = await deps.resolve({ ...(f.uscc ? { uscc: f.uscc } : {}), ...(f.name ? { name: f.name } : {}) }).catch((): Resolved => ({ listsChecked: false }));
    const status = mine.reduce<CreditStatus | undefined>((s, c) => fromMark(c, s, deps.now), resolved.status);
    const worst = mine[0]?.outcome;
    const verdict = decideVerdict({ status, ...(worst ? { mark: worst } : {}), listsChecked: resolved.listsChecked, now: deps.now });
    const warnings = mismatch ? [MISMATCH] : [];
    const level = mismatch && (verdict.level === 'good' || verdict.level === 'neutral' || verdict.level === 'unknown') ? 'caution' : verdict.level;
    return {
      key: keyOf(f),
      ...(f.uscc ? { uscc: f.uscc } : {}),
      name: f.name ?? status?.subject.name ?? f.uscc ?? '',
      source: f.source,
      level,
      reasons: verdict.reasons,
      warnings,
      marks: mine.map(markReport),
      ...(status ? { status } : {}),
    };
  }));
  subjects.sort((a, b) => SEVERITY[a.level] - SEVERITY[b.level]);
  return { url: req.url, at: new Date(deps.now).toISOString(), subjects };
}
