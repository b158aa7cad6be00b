import { OUTCOME_TEXT } from '../../marks/outcome';
import { ECL15, LOCAL_P1 } from '../bases';
import { defineRule, found, markEvidence, type RuleFinding } from '../rule';

export default defineRule({
  id: 'mark-valid',
  title: { zh: '电子链接标识有效', en: 'Link mark valid' },
  basis: [LOCAL_P1, ECL15],
  asks: { zh: '信标标识的签名、绑定网址、有效期均通过验证；电子营业执照亮照链接需人工打开核验', en: 'The XinBiao mark passes signature, URL binding and expiry checks; a SAMR 亮照 link must be opened by a person' },
  appliesTo: ['shop'],
  outcomes: ['pass', 'violation', 'needs-review', 'not-applicable'],
  check(input) {
    const signed = input.facts.marks.filter((m) => m.kind === 'xinbiao');
    const samr = input.facts.marks.filter((m) => m.kind === 'samr');
    if (signed.length === 0 && samr.length === 0) return [found('not-applicable', { zh: '页面无电子链接标识', en: 'No link mark on the page' }, ['facts'])];
    const out: RuleFinding[] = [];
    for (const m of signed) {
      const r = input.marks.find((x) => x.selector === m.selector);
      const ev = ['facts', markEvidence(input, m)];
      if (!r) out.push(found('needs-review', { zh: '标识未能验证', en: 'The mark could not be verified' }, ev, m.selector));
      else if (r.outcome === 'copied' && /^file:/.test(input.facts.url) && !input.facts.savedFrom) {
        // A saved file has no shop address of its own: the binding can only be checked against the live page.
        out.push(found('needs-review', { zh: '本地保存的网页无法核对标识绑定的网店地址，请审查原网址', en: 'Saved page: the mark\'s shop binding cannot be checked here; audit the live address' }, ev, m.selector));
      } else if (r.outcome === 'genuine') out.push(found('pass', { zh: `标识有效（${r.issuer ?? '签发者'}）`, en: `Mark genuine (${r.issuer ?? 'issuer'})` }, ev, m.selector));
      else out.push(found('violation', OUTCOME_TEXT[r.outcome], ev, m.selector));
    }
    for (const m of samr) {
      out.push(found('needs-review', { zh: '电子营业执照亮照链接：请打开核验页确认', en: 'SAMR 亮照 link: open its check page to confirm' }, ['facts', markEvidence(input, m)], m.selector));
    }
    return out;
  },
});
