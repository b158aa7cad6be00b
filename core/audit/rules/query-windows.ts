import { LOCAL_P2 } from '../bases';
import { defineRule, found } from '../rule';
import type { Text2 } from '../types';

/** Portals (core/data/query-sites ids) a platform homepage must offer a query window for; the widget covers them all. */
export const REQUIRED_QUERY_TARGETS: readonly { id: string; name: Text2 }[] = [
  { id: 'creditchina', name: { zh: '信用中国', en: 'Credit China' } },
  { id: 'gsxt', name: { zh: '国家企业信用信息公示系统', en: 'National Enterprise Credit Information Publicity System' } },
];

export default defineRule({
  id: 'query-windows',
  title: { zh: '平台首页设置信用查询窗口', en: 'Credit-query windows on the platform homepage' },
  basis: [LOCAL_P2],
  asks: { zh: '首页有信用中国和国家企业信用信息公示系统的查询窗口或链接', en: 'The homepage has query windows or links for 信用中国 and the national enterprise credit system' },
  appliesTo: ['platform-home'],
  outcomes: ['pass', 'violation', 'not-applicable'],
  check(input) {
    const qw = input.facts.queryWindows;
    const widget = qw.some((q) => q.target === 'xinbiao-query');
    const missing = widget ? [] : REQUIRED_QUERY_TARGETS.filter((t) => !qw.some((q) => q.target === t.id));
    if (missing.length === 0) return [found('pass', { zh: '已设置信用查询窗口', en: 'Credit-query windows present' }, ['facts', 'screenshot'], qw[0]?.selector)];
    return [found('violation', {
      zh: `缺少查询窗口：${missing.map((m) => m.name.zh).join('、')}`,
      en: `Missing query windows: ${missing.map((m) => m.name.en).join(', ')}`,
    }, ['facts', 'screenshot', 'html'], qw[0]?.selector)];
  },
});
