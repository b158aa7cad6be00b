import van from 'vanjs-core';
import { LicenceCard, showCard } from '../../widget/ui/LicenceCard';
import { ShopBadge, reasonText } from '../../widget/ui/ShopBadge';
import { OUTCOME_TEXT, pick } from '../../widget/ui/i18n';
import type { Lang, MarkCheckView } from '../../widget/ui/types';
import type { ReadOn, SubjectReport } from '../platform/schemas';

export interface BadgeAppProps {
  subject: SubjectReport;
  lang: Lang;
  pageUrl: string;
}

/** The mark check the card shows: the first mark that names this subject, bad ones first. */
export function markView(s: SubjectReport): MarkCheckView | undefined {
  const m = s.marks.find((x) => x.outcome !== 'genuine') ?? s.marks[0];
  if (!m) return undefined;
  return { outcome: m.outcome, issuerName: m.issuer, checkUrl: m.checkUrl, boundTo: m.boundTo, expiresAt: m.expires };
}

/** The one line under the name: a bad mark's warning wins over the first reason behind the verdict's level. */
export function badgeLine(s: SubjectReport, lang: Lang): { reason: string; warning: boolean } {
  const bad = s.marks.find((m) => m.outcome !== 'genuine');
  if (bad) return { reason: pick(lang, OUTCOME_TEXT[bad.outcome]), warning: true };
  return { reason: reasonText({ level: s.level, reasons: s.reasons }, lang), warning: false };
}

/** Where and when a remembered operator was read, in one language (the day in UTC, as stored). */
export function readOnText(r: ReadOn, lang: Lang): string {
  const day = r.at.slice(0, 10);
  if (r.kind === 'licence') return lang === 'zh' ? `经营者信息读取自本店营业执照页 ${day}` : `Operator read on this shop's licence page on ${day}`;
  return lang === 'zh' ? `经营者信息读取自本店页面 ${r.path} ${day}` : `Operator read on a page of this shop (${r.path}) on ${day}`;
}

/** The shop's licence page as a link of the card, when the background gave one. */
const licenceLink = (s: SubjectReport, lang: Lang) =>
  (s.licenceUrl ? { href: s.licenceUrl, text: lang === 'zh' ? '本店营业执照页' : "This shop's licence page" } : undefined);

/** The shared widget badge and licence card, fed with what the background resolved, as DOM (see widget/ui/mount.ts). */
export function BadgeApp({ subject, lang, pageUrl }: BadgeAppProps): HTMLDivElement {
  const verdict = { level: subject.level, reasons: subject.reasons };
  const { reason, warning } = badgeLine(subject, lang);
  const kind = subject.status?.subject.kind ?? 'company';
  const box = van.tags.div({ class: 'xb-pos', 'data-testid': 'xinbiao-badge', 'data-level': subject.level });
  // A shop whose operator is not known yet has no name to show: the badge says so in its reason line.
  const named = subject.name || subject.uscc ? { name: subject.name || subject.uscc!, uscc: subject.uscc, kind } : undefined;
  const badge = ShopBadge({ verdict, subject: named, reason, warning, lang, onOpen: () => open() });
  const open = () => {
    if (box.querySelector('dialog')) return;
    const note = subject.readOn ? readOnText(subject.readOn, lang) : undefined;
    const card = LicenceCard({
      status: subject.status, check: markView(subject), verdict, lang, pageUrl, note, extraLink: licenceLink(subject, lang),
      onClose: () => { card.remove(); badge.focus(); },
    });
    box.append(card);
    showCard(card);
  };
  box.append(badge);
  return box;
}
