import { entryInForce } from '../../model/in-force';
import { LOCAL_P3 } from '../bases';
import { defineRule, found } from '../rule';

export default defineRule({
  id: 'risk-warning',
  title: { zh: '严重失信商家展示风险提示', en: 'Risk warning shown for a black-listed shop' },
  basis: [LOCAL_P3],
  asks: { zh: '经营者在黑名单或严重失信主体名单（有效期内）时，页面有风险提示', en: 'When the operator is on an active black or seriously-dishonest list, the page shows a risk warning' },
  appliesTo: ['shop'],
  outcomes: ['pass', 'violation', 'not-applicable'],
  check(input) {
    const now = Date.parse(input.now);
    // In force by the same rule as the verdict's (core/model/in-force: China-time days, inclusive ends).
    const black = input.lists.filter((m) => (m.list.kind === 'black' || m.list.kind === 'seriously-dishonest') && 'since' in m.line && entryInForce(m.line, now));
    if (black.length === 0) return [found('not-applicable', { zh: '经营者不在黑名单中', en: 'The operator is not black-listed' }, ['facts'])];
    const ev = ['facts', ...black.map((b) => `list:${b.list.id}`)];
    if (input.facts.riskWarning) return [found('pass', { zh: '已展示风险提示', en: 'Risk warning shown' }, [...ev, 'screenshot'], input.facts.riskWarning.selector)];
    return [found('violation', { zh: `经营者在「${black[0]!.list.name}」中，页面无风险提示`, en: `The operator is on "${black[0]!.list.name}" but the page shows no risk warning` }, [...ev, 'screenshot', 'html'])];
  },
});
