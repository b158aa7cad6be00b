import type { SiteAdapter } from './define-site';
import jd from './jd';
import tmall from './tmall';
import pinduoduo from './pinduoduo';
import douyin from './douyin';
import s1688 from './1688';

/** Every supported platform; adding one is one data file and one line here. */
export const SITES: readonly SiteAdapter[] = [tmall, jd, pinduoduo, douyin, s1688];

export { defineSite, TEST_HOSTS, type SiteAdapter, type SiteSelectors } from './define-site';
export { siteFor, matchesPattern, contentMatches, contentExcludes, hostMatches } from './match';
