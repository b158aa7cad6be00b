import { ECL15, LOCAL_P1, OTM12 } from '../bases';
import { defineRule, found, licenceSpots } from '../rule';

export default defineRule({
  id: 'licence-shown',
  title: { zh: '主页面公示营业执照信息或其链接标识', en: 'Licence info or its link mark shown on the shop main page' },
  basis: [ECL15, OTM12, LOCAL_P1],
  asks: { zh: '页面有营业执照信息块、亮照链接或信标标识', en: 'The page has a licence block, a 亮照 link or a XinBiao mark' },
  appliesTo: ['shop'],
  outcomes: ['pass', 'violation', 'not-applicable'],
  check(input) {
    const [first] = licenceSpots(input);
    if (first) return [found('pass', { zh: '已公示营业执照信息或链接标识', en: 'Licence info or link mark shown' }, ['facts', 'screenshot'], first.selector)];
    if (input.facts.individualSeller) return [found('not-applicable', { zh: '个人卖家，见自我声明规则', en: 'Individual seller: see the self-declaration rule' }, ['facts'], input.facts.individualSeller.selector)];
    return [found('violation', { zh: '页面未公示营业执照信息或其链接标识', en: 'No licence info or link mark on the page' }, ['facts', 'screenshot', 'html'])];
  },
});
