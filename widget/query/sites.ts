import { creditChinaSearch, GSXT_HOME } from '../ui/links';

/** A site where anyone can look a subject up; `url` builds the search address for a keyword. */
export interface QuerySite {
  id: string;
  zh: string;
  en: string;
  url: (keyword: string) => string;
}

/** The national sites every query window offers (DOMAIN.md §5); 公示系统 has no deep link, only its home page. */
export const NATIONAL_SITES: QuerySite[] = [
  { id: 'creditchina', zh: '信用中国', en: 'Credit China', url: creditChinaSearch },
  { id: 'gsxt', zh: '国家企业信用信息公示系统', en: 'National Enterprise Credit Information Publicity System', url: () => GSXT_HOME },
];
