import { LOCAL_P1 } from '../bases';
import { defineRule, genuine, shownOrCarried } from '../rule';

export default defineRule({
  id: 'identity-mark-shown',
  title: { zh: '展示身份核验标识', en: 'Identity verification mark shown' },
  basis: [LOCAL_P1],
  asks: { zh: '页面有身份核验标识，或有效信标标识载有身份核验信息', en: 'The page shows an identity verification mark, or a genuine XinBiao mark carries one' },
  appliesTo: ['shop'],
  outcomes: ['pass', 'violation'],
  check: (input) => [shownOrCarried(input.facts.identityMark, genuine(input).some((m) => m.hasIdentityMark), { zh: '身份核验标识', en: 'Identity verification mark' })],
});
