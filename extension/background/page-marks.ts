import { OUTCOME_TEXT, verifyMark, type MarkOutcome } from '../../core/marks';
import type { TrustList } from '../../core/trust';
import type { PageReport, Reason, Req } from '../platform/messaging';

const known = (s: string): s is MarkOutcome => Object.hasOwn(OUTCOME_TEXT, s);

/** The warning for a page whose own mark element shows another result than the extension's check of the same token. */
export function stateDiffers(shown: string, actual: MarkOutcome): Reason {
  const said = known(shown) ? OUTCOME_TEXT[shown] : { zh: shown, en: shown };
  return {
    code: 'mark-state-differs',
    level: 'caution',
    zh: `页面上的标识自称“${said.zh}”，信标核验结果为“${OUTCOME_TEXT[actual].zh}”`,
    en: `The page's mark claims "${said.en}"; XinBiao's own check says "${OUTCOME_TEXT[actual].en}"`,
  };
}

/**
 * Flags every `<xinbiao-mark>` whose in-page state (its `data-outcome`, which the page's scripts can set at will)
 * differs from the extension's verification of the same token against the extension's own trust list: the warning
 * goes first on every subject and the level is at most caution. Marks without an in-page state are left alone.
 */
export async function flagShownMarks(req: Req<'content:page'>, report: PageReport, trust: TrustList, now: number): Promise<PageReport> {
  const shown = req.marks.filter((m) => m.shown);
  if (!shown.length || !report.subjects.length) return report;
  const checks = await Promise.all(shown.map((m) => verifyMark(m.token, { trust, pageUrl: req.url, now })));
  const warnings = shown.flatMap((m, i) => (m.shown !== checks[i]!.outcome ? [stateDiffers(m.shown!, checks[i]!.outcome)] : []));
  if (!warnings.length) return report;
  return {
    ...report,
    subjects: report.subjects.map((s) => ({
      ...s,
      // The state the page shows is the page's claim, never evidence: the extension's own check goes first.
      reasons: [...warnings, ...s.reasons],
      level: s.level === 'danger' ? 'danger' : 'caution',
    })),
  };
}
