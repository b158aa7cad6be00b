import type { StatusSource } from '../../core/status';
import { verifyMark, type MarkCheck } from '../../core/marks';
import { assembleStatus, type ResolvedParts } from '../../core/sources';
import { decideVerdict, sameOperator, type Claim, type MarkOutcome } from '../../core/verdict';
import type { TrustList } from '../../core/trust';
import { issuerCheckUrl } from '../../core/trust';
import type { Finding, MarkReport, PageReport, Req, SubjectReport } from '../platform/messaging';

/** What the resolver answers for one subject: the sources' parts, before a mark joins them. */
export interface Resolved {
  parts: ResolvedParts;
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

const SEVERITY = { danger: 0, caution: 1, unknown: 2, neutral: 3, good: 4 } as const;
const BAD_FIRST: MarkOutcome[] = ['tampered', 'copied', 'revoked', 'revoked-key', 'unknown-issuer', 'expired', 'malformed', 'status-unknown', 'genuine'];

const keyOf = (s: Claim) => (s.uscc ? `uscc:${s.uscc}` : `name:${s.name ?? ''}`);
const claimOf = (f: Claim): Claim => ({ ...(f.uscc ? { uscc: f.uscc } : {}), ...(f.name ? { name: f.name } : {}) });

function markReport(c: MarkCheck, trust: TrustList): MarkReport {
  const p = c.payload;
  const checkUrl = issuerCheckUrl(trust, c.issuer?.id, p?.sub.uscc);
  return {
    outcome: c.outcome,
    ...(c.issuer ? { issuer: c.issuer.name } : {}),
    ...(checkUrl ? { checkUrl } : {}),
    ...(p?.sub.uscc ? { uscc: p.sub.uscc } : {}),
    ...(p ? { name: p.sub.name, boundTo: `${p.bind.origin}${p.bind.path}`, expires: new Date(p.exp * 1000).toISOString() } : {}),
  };
}

/**
 * Verifies the page's marks, resolves each subject, assembles its status (core/sources assembleStatus) and decides
 * its verdict (core/verdict, with what the page claims); the most severe subject comes first.
 */
export async function buildReport(req: Req<'content:page'>, deps: ReportDeps): Promise<PageReport> {
  const checks = await Promise.all(req.marks.map((m) => verifyMark(m.token, { trust: deps.trust, pageUrl: req.url, now: deps.now, ...(deps.status ? { status: deps.status } : {}) })));
  const found = new Map<string, Finding>();
  for (const f of req.subjects) if (!found.has(keyOf(f))) found.set(keyOf(f), f);
  for (const c of checks) {
    const sub = c.payload?.sub;
    if (sub && ![...found.values()].some((f) => sameOperator(f, sub))) found.set(keyOf(sub), { ...sub, source: 'mark', confidence: 1 });
  }
  const findings = [...found.values()];
  const named = findings.filter((f) => f.source !== 'mark').map(claimOf);
  const markSubjects = checks.flatMap((c) => (c.payload ? [claimOf(c.payload.sub)] : []));

  const subjects = await Promise.all(findings.map(async (f, i): Promise<SubjectReport> => {
    const mine = checks.filter((c) => (c.payload ? sameOperator(f, c.payload.sub) : i === 0));
    mine.sort((a, b) => BAD_FIRST.indexOf(a.outcome) - BAD_FIRST.indexOf(b.outcome));
    const resolved = await deps.resolve(claimOf(f)).catch((): Resolved => ({ parts: { endpoints: [] }, listsChecked: false }));
    const genuine = mine.find((c) => c.outcome === 'genuine' && c.payload);
    const mark = genuine ? { payload: genuine.payload!, issuerName: genuine.issuer?.name ?? genuine.payload!.iss } : undefined;
    const status = assembleStatus({ ...resolved.parts, ...(mark ? { mark } : {}), now: deps.now });
    const worst = mine[0]?.outcome;
    const page = { ...(f.source !== 'mark' ? { subject: claimOf(f) } : {}), named, marks: markSubjects };
    const verdict = decideVerdict({ status, ...(worst ? { mark: worst } : {}), listsChecked: resolved.listsChecked, page, now: deps.now });
    // The registered name is the one shown; the page's own differing name only as its claim (verdict name.claimed).
    const name = status?.subject.name ?? f.name ?? f.uscc ?? '';
    return {
      key: keyOf(f),
      ...(f.uscc ? { uscc: f.uscc } : {}),
      name,
      ...(f.name && f.name !== name ? { claimedName: f.name } : {}),
      source: f.source,
      level: verdict.level,
      reasons: verdict.reasons,
      marks: mine.map((c) => markReport(c, deps.trust)),
      ...(status ? { status } : {}),
    };
  }));
  subjects.sort((a, b) => SEVERITY[a.level] - SEVERITY[b.level]);
  return { url: req.url, at: new Date(deps.now).toISOString(), subjects };
}
