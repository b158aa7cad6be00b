import { LOCAL_P1 } from '../bases';
import { defineRule, genuine, shownOrCarried } from '../rule';

export default defineRule({
  id: 'credit-level-shown',
  title: { zh: '展示信用等级', en: 'Credit level shown' },
  basis: [LOCAL_P1],
  asks: { zh: '页面展示信用等级，或有效信标标识载有信用等级', en: 'The page shows a credit level, or a genuine XinBiao mark carries one' },
  appliesTo: ['shop'],
  outcomes: ['pass', 'violation'],
  check: (input) => [shownOrCarried(input.facts.creditLevel, genuine(input).some((m) => m.hasCreditLevel), { zh: '信用等级', en: 'Credit level' })],
});
