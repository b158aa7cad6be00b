import { sameName } from '../../lists/normalise-name';
import { LOCAL_P1, OTM12 } from '../bases';
import { defineRule, found, genuine, markEvidence } from '../rule';

export default defineRule({
  id: 'subject-consistent',
  title: { zh: '执照、标识与名单主体一致', en: 'Licence, mark and list data name the same subject' },
  basis: [OTM12, LOCAL_P1],
  asks: { zh: '页面执照、信标标识和名单数据中的代码与名称相同', en: 'The codes and names in the page licence, the mark and list data agree' },
  appliesTo: ['shop'],
  outcomes: ['pass', 'violation', 'not-applicable'],
  check(input) {
    const claims: { source: string; uscc?: string; name?: string; evidence: string }[] = [];
    // A mark's own subject is only believed after verification, below.
    const shown = input.facts.subjects.filter((s) => (s.sources ?? [s.source]).some((x) => x !== 'mark'));
    const page = [...shown].sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0))[0];
    for (const s of shown) claims.push({ source: '页面执照 page licence', uscc: s.uscc, name: s.name, evidence: 'facts' });
    for (const m of genuine(input)) if (m.subject) claims.push({ source: '信标标识 mark', ...m.subject, evidence: markEvidence(input, m) });
    for (const l of input.lists) claims.push({ source: `名单 list ${l.list.name}`, uscc: l.line.uscc, name: l.line.name, evidence: `list:${l.list.id}` });
    if (claims.length < 2) return [found('not-applicable', { zh: '只有一个主体来源', en: 'Only one source names the subject' }, ['facts'])];
    const evidence = ['facts', ...new Set(claims.map((c) => c.evidence))];
    for (const a of claims) {
      for (const b of claims) {
        const codeClash = a.uscc && b.uscc && a.uscc !== b.uscc;
        const nameClash = a.name && b.name && !sameName(a.name, b.name);
        if (codeClash || nameClash) {
          const what = codeClash ? `${a.uscc} ≠ ${b.uscc}` : `${a.name} ≠ ${b.name}`;
          return [found('violation', { zh: `主体不一致：${a.source} 与 ${b.source}（${what}）`, en: `Subjects differ: ${a.source} vs ${b.source} (${what})` }, evidence, page?.selector)];
        }
      }
    }
    return [found('pass', { zh: '各来源主体一致', en: 'All sources name the same subject' }, evidence, page?.selector)];
  },
});
