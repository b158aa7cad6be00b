import van from 'vanjs-core';
import { LicenceCard, showCard } from '../../widget/ui/LicenceCard';
import { ShopBadge, reasonText } from '../../widget/ui/ShopBadge';
import { OUTCOME_TEXT, pick } from '../../widget/ui/i18n';
import type { Lang, MarkCheckView } from '../../widget/ui/types';
import type { SubjectReport } from '../platform/schemas';

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

/** The shared widget badge and licence card, fed with what the background resolved, as DOM (see widget/ui/mount.ts). */
export function BadgeApp({ subject, lang, pageUrl }: BadgeAppProps): HTMLDivElement {
  const verdict = { level: subject.level, reasons: subject.reasons };
  const { reason, warning } = badgeLine(subject, lang);
  const kind = subject.status?.subject.kind ?? 'company';
  const box = van.tags.div({ class: 'xb-pos', 'data-testid': 'xinbiao-badge', 'data-level': subject.level });
  const badge = ShopBadge({ verdict, subject: { name: subject.name, uscc: subject.uscc, kind }, reason, warning, lang, onOpen: () => open() });
  const open = () => {
    if (box.querySelector('dialog')) return;
    const card = LicenceCard({ status: subject.status, check: markView(subject), verdict, lang, pageUrl, onClose: () => { card.remove(); badge.focus(); } });
    box.append(card);
    showCard(card);
  };
  box.append(badge);
  return box;
}
