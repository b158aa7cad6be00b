// Import order is module order in the lazy chunk (see ../lazy.ts): this one compresses best.
import { fetchStatus } from './endpoint';
import { loadTrust } from './trust';
import { verifyMark } from '../../core/marks';
import { createStatusSource, type StatusSource } from '../../core/status';
import { assembleStatus, type MarkPart } from '../../core/sources';
import { decideWith } from '../../core/verdict';
import { PAGELESS_RULES } from '../../core/verdict';
import type { MarkConfig, MarkModel } from './model';
import type { TrustList } from '../../core/trust';

// One status-list source per page: each issuer's list is fetched whole (never per mark), verified and cached.
let status: StatusSource | undefined;
const statusFor = (trust: TrustList) =>
  (status ??= createStatusSource({ fetch: (url) => fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' }), now: Date.now, trust: () => trust }));

const NO_TRUST = { zh: '无法取得或核验信任名单', en: 'The trust list could not be loaded or verified' };

/**
 * Resolves what a mark shows. A token is verified against the trust list and bound to pageUrl; with an
 * endpoint too, the subject's lists and records come from the platform. Failures end in "unknown", never "good".
 */
export async function resolveMark(cfg: MarkConfig, pageUrl: string, now: number): Promise<MarkModel> {
  let mark: MarkPart | undefined;
  let model: MarkModel = { verdict: { level: 'unknown', reasons: [] } };
  if (cfg.token) {
    const trust = await loadTrust(cfg.trust, cfg.trustRoot, now);
    const check = trust
      ? await verifyMark(cfg.token, { trust, pageUrl, now, status: statusFor(trust) })
      : { outcome: 'unknown-issuer' as const, payload: undefined, issuer: undefined, reason: NO_TRUST };
    const payload = check.outcome === 'genuine' ? check.payload : undefined;
    const issuerName = check.issuer?.name;
    const checkUrl = trust?.issuers.find((i) => i.id === check.issuer?.id)?.check?.replace('{uscc}', check.payload?.sub.uscc ?? '');
    model = { verdict: model.verdict, check: { outcome: check.outcome, issuerName, checkUrl, reason: check.reason, boundTo: payload && payload.bind.origin + payload.bind.path, expiresAt: payload && new Date(payload.exp * 1000).toISOString() } };
    if (payload) {
      mark = { payload, issuerName: issuerName ?? payload.iss };
      model.shopName = payload.shop?.name;
    }
  }
  const uscc = mark ? mark.payload.sub.uscc : cfg.token ? undefined : cfg.uscc;
  // The platform's endpoint adds what it knows; the one assembler (core/sources) decides which part wins.
  const remote = cfg.endpoint && uscc ? await fetchStatus(cfg.endpoint, uscc).catch(() => undefined) : undefined;
  const status = assembleStatus({ endpoints: remote ? [{ status: remote, fetchedAt: now }] : [], mark, now });
  model.status = status;
  model.verdict = decideWith(PAGELESS_RULES, { status, mark: model.check?.outcome, listsChecked: !!remote, now });
  return model;
}
