import { storage } from '#imports';
import { PageReport } from './schemas';

export type Language = 'zh-CN' | 'en';
export type Theme = 'auto' | 'light' | 'dark';

export interface Settings {
  language: Language;
  theme: Theme;
  /** Opt-in status endpoints (base URLs); they receive only a USCC. */
  endpoints: string[];
  /** The shopper granted any-site access and turned the generic detector on. */
  generic: boolean;
}

const DEFAULTS: Settings = { language: 'zh-CN', theme: 'auto', endpoints: [], generic: false };

/** Shopper settings, synced to the options page and read by every part. */
export const settings = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULTS,
  version: 1,
});

/** URLs of lists being updated right now, so the options page shows progress even after a worker restart. */
export const updating = storage.defineItem<string[]>('local:updating', { fallback: [] });

/** Bytes read so far (and the total when known) of each list being downloaded, for the options page's progress bar. */
export interface ListProgress { read: number; total?: number }
export const listProgress = storage.defineItem<Record<string, ListProgress>>('local:list-progress', { fallback: {} });

/** Last report per tab, for the popup; session storage so it lives as long as the browser, not the worker. */
export const tabReport = (tabId: number) => storage.defineItem<PageReport | null>(`session:tab-${tabId}`, { fallback: null });

/** Parses what storage returns, since another version of the extension may have written it. */
export function cleanReport(raw: unknown): PageReport | null {
  const r = PageReport.safeParse(raw);
  return r.success ? r.data : null;
}

