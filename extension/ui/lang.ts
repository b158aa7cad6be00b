import type { Lang } from '../../widget/ui/types';
import type { Language, Theme } from '../platform/storage';

/** Settings language to the widget's two-letter language. */
export const langOf = (l: Language): Lang => (l === 'en' ? 'en' : 'zh');

/** Applies language and theme to an extension page. */
export function applyLook(language: Language, theme: Theme): void {
  document.documentElement.lang = language;
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** Picks the Chinese or English text. */
export const tr = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);
