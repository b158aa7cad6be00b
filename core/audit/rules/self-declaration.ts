import { ECL10, ECL15, OTM12 } from '../bases';
import { defineRule, found, genuine } from '../rule';

export default defineRule({
  id: 'self-declaration',
  title: { zh: '免于登记的个人卖家展示自我声明', en: 'Self-declaration shown by an exempt individual seller' },
  basis: [ECL10, ECL15, OTM12],
  asks: { zh: '无执照的个人卖家页面有依法免于登记的自我声明（或有效信标标识载有该声明）', en: 'An individual seller page without a licence shows the self-declaration of exemption (or a genuine mark carries it)' },
  appliesTo: ['shop'],
  outcomes: ['pass', 'violation', 'not-applicable'],
  check(input) {
    const individual = input.facts.individualSeller ?? (genuine(input).some((m) => m.subject?.kind === 'individual-seller') ? { selector: '' } : undefined);
    const licensed = input.facts.shownCodes.length > 0 || input.facts.subjects.some((s) => s.uscc);
    if (!individual || licensed) return [found('not-applicable', { zh: '非免于登记的个人卖家', en: 'Not an exempt individual seller' }, ['facts'])];
    if (input.facts.selfDeclaration) return [found('pass', { zh: '已展示自我声明', en: 'Self-declaration shown' }, ['facts', 'screenshot'], input.facts.selfDeclaration.selector)];
    if (genuine(input).some((m) => m.hasSelfDeclaration)) return [found('pass', { zh: '有效信标标识载有自我声明', en: 'A genuine mark carries the self-declaration' }, ['facts'])];
    return [found('violation', { zh: '个人卖家既无执照信息也无自我声明', en: 'Individual seller shows neither a licence nor a self-declaration' }, ['facts', 'screenshot', 'html'], individual.selector || undefined)];
  },
});
