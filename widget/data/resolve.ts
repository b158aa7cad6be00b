// Import order is module order in the lazy chunk (see ../lazy.ts): this one compresses best.
import { fetchStatus } from './endpoint';
import { loadTrust } from './trust';
import { verifyMark } from '../../core/marks';
import { statusFromMark } from './status-from-mark';
import { decideVerdict } from '../../core/verdict';
import type { CreditStatus } from '../ui/types';
import type { MarkConfig, MarkModel } from './model';

const NO_TRUST = { zh: '无法取得或核验信任名单', en: 'The trust list could not be loaded or verified' };

/**
 * Resolves what a mark shows. A token is verified against the trust list and bound to pageUrl; with an
 * endpoint too, the subject's lists and records come from the platform. Failures end in "unknown", never "good".
 */
export async function resolveMark(cfg: MarkConfig, pageUrl: string, now: number): Promise<MarkModel> {
  let status: CreditStatus | undefined;
  let model: MarkModel = { verdict: { level: 'unknown', reasons: [] } };
  if (cfg.token) {
    const trust = await loadTrust(cfg.trust, cfg.trustRoot, now);
    const check = trust
      ? await verifyMark(cfg.token, { trust, pageUrl, now })
      : { outcome: 'unknown-issuer' as const, payload: undefined, issuer: undefined, reason: NO_TRUST };
    const payload = check.outcome === 'genuine' ? check.payload : undefined;
    const issuerName = check.issuer?.name;
    const checkUrl = trust?.issuers.find((i) => i.id === check.issuer?.id)?.check?.replace('{uscc}', check.payload?.sub.uscc ?? '');
    model = { verdict: model.verdict, check: { outcome: check.outcome, issuerName, checkUrl, reason: check.reason, boundTo: payload && payload.bind.origin + payload.bind.path, expiresAt: payload && new Date(payload.exp * 1000).toISOString() } };
    if (payload) {
      status = statusFromMark(payload, issuerName ?? payload.iss, now);
      model.shopName = payload.shop?.name;
    }
  }
  const uscc = status?.subject.uscc ?? (cfg.token ? undefined : cfg.uscc);
  let listsChecked = false;
  if (cfg.endpoint && uscc && (!cfg.token || status)) {
    const remote = await fetchStatus(cfg.endpoint, uscc).catch(() => undefined);
    if (remote) {
      listsChecked = true;
      status = status ? merge(status, remote) : remote;
    }
  }
  model.status = status;
  model.verdict = decideVerdict({ status, mark: model.check?.outcome, listsChecked, now });
  return model;
}

/** The mark's licence and identity win (signed for this page); the endpoint adds lists, records and levels. */
function merge(mark: CreditStatus, remote: CreditStatus): CreditStatus {
  const seen = new Set(mark.creditLevels.map((c) => `${c.scheme}|${c.level}|${c.date}`));
  return {
    ...mark,
    licence: mark.licence ?? remote.licence,
    creditLevels: [...mark.creditLevels, ...remote.creditLevels.filter((c) => !seen.has(`${c.scheme}|${c.level}|${c.date}`))],
    listEntries: remote.listEntries,
    records: remote.records,
    commitments: [...mark.commitments, ...remote.commitments],
    asOf: remote.asOf < mark.asOf ? remote.asOf : mark.asOf,
  };
}
