import { parseUscc } from '../../identifiers';
import { ECL15, GB32100 } from '../bases';
import { defineRule, found } from '../rule';

export default defineRule({
  id: 'uscc-valid',
  title: { zh: '统一社会信用代码校验通过', en: 'The shown USCC passes its check' },
  basis: [GB32100, ECL15],
  asks: { zh: '页面展示的每个统一社会信用代码的校验位正确', en: 'Every USCC shown on the page has a correct check character' },
  appliesTo: ['shop'],
  outcomes: ['pass', 'violation', 'not-applicable'],
  check(input) {
    const codes = [
      ...input.facts.shownCodes,
      ...input.facts.subjects.filter((s) => s.uscc).map((s) => ({ code: s.uscc!, selector: s.selector ?? '' })),
      ...input.facts.marks.filter((m) => m.uscc).map((m) => ({ code: m.uscc!, selector: m.selector })),
    ];
    if (codes.length === 0) return [found('not-applicable', { zh: '页面未展示统一社会信用代码', en: 'No USCC shown' }, ['facts'])];
    const bad = codes.find((c) => !parseUscc(c.code).valid);
    if (bad) {
      const r = parseUscc(bad.code);
      const why = r.checksum === 'mismatch' ? { zh: `校验位错误（应为 ${r.expected}）`, en: `check character wrong (expected ${r.expected})` } : { zh: '格式错误', en: 'malformed' };
      return [found('violation', { zh: `统一社会信用代码 ${bad.code} ${why.zh}`, en: `USCC ${bad.code}: ${why.en}` }, ['facts', 'html'], bad.selector || undefined)];
    }
    return [found('pass', { zh: `统一社会信用代码 ${codes[0]!.code} 校验通过`, en: `USCC ${codes[0]!.code} passes its check` }, ['facts'], codes[0]!.selector || undefined)];
  },
});
