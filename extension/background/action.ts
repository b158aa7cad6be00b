import { LEVEL } from '../../widget/ui/i18n';
import type { PageReport, VerdictLevel } from '../platform/messaging';

/** Toolbar badge colour per verdict level (the widget's palette: green, grey, amber, red, grey). */
export const ACTION_COLOUR: Record<VerdictLevel, string> = {
  good: '#1a7f37', neutral: '#57606a', caution: '#9a6700', danger: '#cf222e', unknown: '#6e7781',
};

const NAME = '信标 XinBiao';

/** What the toolbar shows for a page's report: badge text, colour and the title (operator, level, warnings). */
export function actionState(report: PageReport | null): { text: string; colour: string; title: string } {
  const s = report?.subjects[0];
  if (!s) return { text: '', colour: ACTION_COLOUR.unknown, title: NAME };
  const [zh, en, icon] = LEVEL[s.level];
  // A mark the extension does not accept, or a page whose mark claims something else: flagged with a "!".
  const warnings = s.reasons.filter((r) => r.level === 'caution' || r.level === 'danger');
  const flagged = s.marks.some((m) => m.outcome !== 'genuine') || warnings.some((w) => w.code.startsWith('mark-'));
  const lines = [`${NAME} · ${s.name || '经营者未知 / operator not known yet'}：${zh} / ${en}`, ...warnings.map((w) => `⚠ ${w.zh} / ${w.en}`)];
  if (report.subjects.length > 1) lines.push(`本页共 ${report.subjects.length} 个经营者 / ${report.subjects.length} operators on this page`);
  return { text: flagged && icon !== '!' ? `${icon}!` : icon, colour: ACTION_COLOUR[s.level], title: lines.join('\n').slice(0, 1000) };
}

/**
 * Shows a tab's verdict on the extension's toolbar button, where the page cannot draw: the most severe subject's
 * level as badge text and colour, its operator and level in the title. A null report clears the tab's state.
 */
export async function showVerdict(tabId: number, report: PageReport | null): Promise<void> {
  const { text, colour, title } = actionState(report);
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: colour }),
    browser.action.setTitle({ tabId, title }),
  ]);
}
