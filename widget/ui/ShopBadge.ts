import van from 'vanjs-core';
import { headline, LEVEL, pick, t } from './i18n';
import type { Lang, SubjectView, VerdictView } from './types';

const { button, span } = van.tags;

export interface ShopBadgeProps {
  verdict: VerdictView;
  /** Absent when the mark is invalid or nothing is known: the badge then shows the reason only. */
  subject?: SubjectView;
  /** One line under the name: licence/identity/credit summary, or the warning. */
  reason: string;
  /** True when reason is a warning about the mark itself (copied, tampered, expired…). */
  warning?: boolean;
  lang: Lang;
  onOpen?: () => void;
}

/** The shop mark's face: verdict colour and icon, the operator's name, one line of reason. Opens the card. */
export function ShopBadge({ verdict, subject, reason, warning, lang, onOpen }: ShopBadgeProps): HTMLButtonElement {
  const [zh, en, icon] = LEVEL[verdict.level];
  const title = warning ? t(lang, 'invalid') : (subject?.name ?? t(lang, 'unknownShop'));
  return button(
    { type: 'button', class: `b fade ${verdict.level}${warning ? ' w' : ''}`, 'aria-haspopup': 'dialog', 'data-level': verdict.level, onclick: () => onOpen?.() },
    span({ class: 'ico', 'aria-hidden': 'true' }, icon),
    span({ class: 't' }, span({ class: 'n' }, title), span({ class: 'd' }, `${lang === 'zh' ? zh : en} · ${reason}`)),
    span({ class: 'sr' }, t(lang, 'open')),
  );
}

/** The reason line of a verdict in one language: the first reason behind its level. */
export const reasonText = (verdict: VerdictView, lang: Lang): string => {
  const r = headline(verdict)[0];
  return r ? pick(lang, r) : '';
};
