import { QUERY_SITES, querySearchUrl } from '../../core/data';

/** A site where anyone can look a subject up; `url` builds the search address for a keyword. */
export interface QuerySite {
  id: string;
  zh: string;
  en: string;
  url: (keyword: string) => string;
}

const EN: Record<string, string> = { creditchina: 'Credit China', gsxt: 'National Enterprise Credit Information Publicity System' };

/** The national sites, plus the provincial or city sites named in the element's `sites` attribute (ids from core/data/query-sites). */
export function pickSites(ids: string[] = []): QuerySite[] {
  return QUERY_SITES.filter((s) => s.level === 'national' || ids.includes(s.id))
    .map((s) => ({ id: s.id, zh: s.name, en: EN[s.id] ?? s.name, url: (k: string) => querySearchUrl(s, k) }));
}
