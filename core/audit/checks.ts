import { OUTCOME_TEXT } from '../marks/outcome';
import { parseUscc } from '../identifiers';
import { sameName } from '../lists/normalise-name';
import type { AuditInput, Box, Finding, MarkResult, Outcome, Spot, Text2 } from './types';

/** A rule's check: its findings on one page (usually one). Page kind is handled by the caller. */
export type Check = (input: AuditInput) => Finding[];

const f = (ruleId: string, outcome: Outcome, message: Text2, evidence: string[], selector?: string): Finding =>
  selector === undefined ? { ruleId, outcome, message, evidence } : { ruleId, outcome, message, evidence, selector };

const markEvidence = (input: AuditInput, m: { selector: string }) => `mark:${input.facts.marks.findIndex((x) => x.selector === m.selector)}`;
const genuine = (input: AuditInput) => input.marks.filter((m) => m.outcome === 'genuine');
const licenceSpots = (input: AuditInput): Spot[] =>
  [input.facts.licence, ...input.facts.marks.filter((m) => m.kind !== 'other')].filter((s): s is Spot => !!s);

const licenceShown: Check = (input) => {
  const [first] = licenceSpots(input);
  if (first) return [f('licence-shown', 'pass', { zh: '已公示营业执照信息或链接标识', en: 'Licence info or link mark shown' }, ['facts', 'screenshot'], first.selector)];
  if (input.facts.individualSeller) return [f('licence-shown', 'not-applicable', { zh: '个人卖家，见自我声明规则', en: 'Individual seller: see the self-declaration rule' }, ['facts'], input.facts.individualSeller.selector)];
  return [f('licence-shown', 'violation', { zh: '页面未公示营业执照信息或其链接标识', en: 'No licence info or link mark on the page' }, ['facts', 'screenshot', 'html'])];
};

const visible = (b: Box) => b.width > 0 && b.height > 0;
const inside = (b: Box, outer: Box) => b.x >= outer.x - 1 && b.y >= outer.y - 1 && b.x + b.width <= outer.x + outer.width + 1 && b.y + b.height <= outer.y + outer.height + 1;

const licenceProminent: Check = (input) => {
  const spots = licenceSpots(input);
  if (spots.length === 0) return [f('licence-prominent', 'not-applicable', { zh: '未公示执照，不适用', en: 'Nothing shown to place' }, ['facts'])];
  const boxed = spots.filter((s) => s.box);
  if (boxed.length === 0) return [f('licence-prominent', 'needs-review', { zh: '无元素位置数据，请人工查看截图', en: 'No element boxes: check the screenshot' }, ['screenshot'], spots[0]!.selector)];
  const vh = input.facts.viewport.height;
  const firstScreen = boxed.find((s) => visible(s.box!) && s.box!.y < vh && s.box!.y + s.box!.height > 0);
  if (firstScreen) return [f('licence-prominent', 'pass', { zh: '位于首屏内', en: 'In the first screen' }, ['screenshot', 'facts'], firstScreen.selector)];
  const standard = boxed.find((s) => visible(s.box!) && input.facts.standardPositions.some((p) => p.box && inside(s.box!, p.box)));
  if (standard) return [f('licence-prominent', 'pass', { zh: '位于页面标准公示位置', en: 'In the standard licence position' }, ['screenshot', 'facts'], standard.selector)];
  const s = boxed[0]!;
  return [f('licence-prominent', 'violation', {
    zh: visible(s.box!) ? `位于页面下方 ${Math.round(s.box!.y)}px 处，不在首屏或标准位置` : '元素不可见',
    en: visible(s.box!) ? `${Math.round(s.box!.y)}px down the page, outside the first screen and the standard position` : 'The element is not visible',
  }, ['screenshot', 'facts'], s.selector)];
};

const markValid: Check = (input) => {
  const signed = input.facts.marks.filter((m) => m.kind === 'xinbiao');
  const samr = input.facts.marks.filter((m) => m.kind === 'samr');
  if (signed.length === 0 && samr.length === 0) return [f('mark-valid', 'not-applicable', { zh: '页面无电子链接标识', en: 'No link mark on the page' }, ['facts'])];
  const out: Finding[] = [];
  for (const m of signed) {
    const r = input.marks.find((x) => x.selector === m.selector);
    const ev = ['facts', markEvidence(input, m)];
    if (!r) out.push(f('mark-valid', 'needs-review', { zh: '标识未能验证', en: 'The mark could not be verified' }, ev, m.selector));
    else if (r.outcome === 'copied' && /^file:/.test(input.facts.url) && !input.facts.savedFrom) {
      // A saved file has no shop address of its own: the binding can only be checked against the live page.
      out.push(f('mark-valid', 'needs-review', { zh: '本地保存的网页无法核对标识绑定的网店地址，请审查原网址', en: 'Saved page: the mark\'s shop binding cannot be checked here; audit the live address' }, ev, m.selector));
    } else if (r.outcome === 'genuine') out.push(f('mark-valid', 'pass', { zh: `标识有效（${r.issuer ?? '签发者'}）`, en: `Mark genuine (${r.issuer ?? 'issuer'})` }, ev, m.selector));
    else {
      out.push(f('mark-valid', 'violation', OUTCOME_TEXT[r.outcome], ev, m.selector));
    }
  }
  for (const m of samr) {
    out.push(f('mark-valid', 'needs-review', { zh: '电子营业执照亮照链接：请打开核验页确认', en: 'SAMR 亮照 link: open its check page to confirm' }, ['facts', markEvidence(input, m)], m.selector));
  }
  return out;
};

const usccValid: Check = (input) => {
  const codes = [
    ...input.facts.shownCodes,
    ...input.facts.subjects.filter((s) => s.uscc).map((s) => ({ code: s.uscc!, selector: s.selector ?? '' })),
    ...input.facts.marks.filter((m) => m.uscc).map((m) => ({ code: m.uscc!, selector: m.selector })),
  ];
  if (codes.length === 0) return [f('uscc-valid', 'not-applicable', { zh: '页面未展示统一社会信用代码', en: 'No USCC shown' }, ['facts'])];
  const bad = codes.find((c) => !parseUscc(c.code).valid);
  if (bad) {
    const r = parseUscc(bad.code);
    const why = r.checksum === 'mismatch' ? { zh: `校验位错误（应为 ${r.expected}）`, en: `check character wrong (expected ${r.expected})` } : { zh: '格式错误', en: 'malformed' };
    return [f('uscc-valid', 'violation', { zh: `统一社会信用代码 ${bad.code} ${why.zh}`, en: `USCC ${bad.code}: ${why.en}` }, ['facts', 'html'], bad.selector || undefined)];
  }
  return [f('uscc-valid', 'pass', { zh: `统一社会信用代码 ${codes[0]!.code} 校验通过`, en: `USCC ${codes[0]!.code} passes its check` }, ['facts'], codes[0]!.selector || undefined)];
};

const subjectConsistent: Check = (input) => {
  const claims: { source: string; uscc?: string; name?: string; evidence: string }[] = [];
  // A mark's own subject is only believed after verification, below.
  const shown = input.facts.subjects.filter((s) => (s.sources ?? [s.source]).some((x) => x !== 'mark'));
  const page = [...shown].sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0))[0];
  for (const s of shown) claims.push({ source: '页面执照 page licence', uscc: s.uscc, name: s.name, evidence: 'facts' });
  for (const m of genuine(input)) if (m.subject) claims.push({ source: '信标标识 mark', ...m.subject, evidence: markEvidence(input, m) });
  for (const l of input.lists) claims.push({ source: `名单 list ${l.list.name}`, uscc: l.line.uscc, name: l.line.name, evidence: `list:${l.list.id}` });
  if (claims.length < 2) return [f('subject-consistent', 'not-applicable', { zh: '只有一个主体来源', en: 'Only one source names the subject' }, ['facts'])];
  const evidence = ['facts', ...new Set(claims.map((c) => c.evidence))];
  for (const a of claims) {
    for (const b of claims) {
      const codeClash = a.uscc && b.uscc && a.uscc !== b.uscc;
      const nameClash = a.name && b.name && !sameName(a.name, b.name);
      if (codeClash || nameClash) {
        const what = codeClash ? `${a.uscc} ≠ ${b.uscc}` : `${a.name} ≠ ${b.name}`;
        return [f('subject-consistent', 'violation', { zh: `主体不一致：${a.source} 与 ${b.source}（${what}）`, en: `Subjects differ: ${a.source} vs ${b.source} (${what})` }, evidence, page?.selector)];
      }
    }
  }
  return [f('subject-consistent', 'pass', { zh: '各来源主体一致', en: 'All sources name the same subject' }, evidence, page?.selector)];
};

const shownOrCarried = (ruleId: string, spot: Spot | undefined, carried: boolean, what: Text2): Finding =>
  spot ? f(ruleId, 'pass', { zh: `已展示${what.zh}`, en: `${what.en} shown` }, ['facts', 'screenshot'], spot.selector)
    : carried ? f(ruleId, 'pass', { zh: `有效信标标识载有${what.zh}`, en: `A genuine mark carries the ${what.en.toLowerCase()}` }, ['facts'])
      : f(ruleId, 'violation', { zh: `未展示${what.zh}`, en: `No ${what.en.toLowerCase()} shown` }, ['facts', 'screenshot', 'html']);

const identityShown: Check = (input) => [shownOrCarried('identity-mark-shown', input.facts.identityMark,
  genuine(input).some((m) => m.hasIdentityMark), { zh: '身份核验标识', en: 'Identity verification mark' })];

const creditShown: Check = (input) => [shownOrCarried('credit-level-shown', input.facts.creditLevel,
  genuine(input).some((m) => m.hasCreditLevel), { zh: '信用等级', en: 'Credit level' })];

const selfDeclaration: Check = (input) => {
  const individual = input.facts.individualSeller ?? (genuine(input).some((m) => m.subject?.kind === 'individual-seller') ? { selector: '' } : undefined);
  const licensed = input.facts.shownCodes.length > 0 || input.facts.subjects.some((s) => s.uscc);
  if (!individual || licensed) return [f('self-declaration', 'not-applicable', { zh: '非免于登记的个人卖家', en: 'Not an exempt individual seller' }, ['facts'])];
  if (input.facts.selfDeclaration) return [f('self-declaration', 'pass', { zh: '已展示自我声明', en: 'Self-declaration shown' }, ['facts', 'screenshot'], input.facts.selfDeclaration.selector)];
  if (genuine(input).some((m) => m.hasSelfDeclaration)) return [f('self-declaration', 'pass', { zh: '有效信标标识载有自我声明', en: 'A genuine mark carries the self-declaration' }, ['facts'])];
  return [f('self-declaration', 'violation', { zh: '个人卖家既无执照信息也无自我声明', en: 'Individual seller shows neither a licence nor a self-declaration' }, ['facts', 'screenshot', 'html'], individual.selector || undefined)];
};

/** Portals a platform homepage must offer a query window for; the widget covers them all. */
export const REQUIRED_QUERY_TARGETS: readonly { id: string; name: Text2 }[] = [
  { id: 'creditchina', name: { zh: '信用中国', en: 'Credit China' } },
  { id: 'gsxt', name: { zh: '国家企业信用信息公示系统', en: 'National Enterprise Credit Information Publicity System' } },
];

const queryWindows: Check = (input) => {
  const qw = input.facts.queryWindows;
  const widget = qw.some((q) => q.target === 'xinbiao-query');
  const missing = widget ? [] : REQUIRED_QUERY_TARGETS.filter((t) => !qw.some((q) => q.target === t.id));
  if (missing.length === 0) return [f('query-windows', 'pass', { zh: '已设置信用查询窗口', en: 'Credit-query windows present' }, ['facts', 'screenshot'], qw[0]?.selector)];
  return [f('query-windows', 'violation', {
    zh: `缺少查询窗口：${missing.map((m) => m.name.zh).join('、')}`,
    en: `Missing query windows: ${missing.map((m) => m.name.en).join(', ')}`,
  }, ['facts', 'screenshot', 'html'], qw[0]?.selector)];
};

/** An entry counts from `since` until `until`, unless repaired. */
export const entryActive = (line: { since: string; until?: string; repairedAt?: string }, now: string) =>
  !line.repairedAt && line.since.slice(0, 10) <= now.slice(0, 10) && (!line.until || line.until.slice(0, 10) >= now.slice(0, 10));

const riskWarning: Check = (input) => {
  const black = input.lists.filter((m) => (m.list.kind === 'black' || m.list.kind === 'seriously-dishonest') && 'since' in m.line && entryActive(m.line, input.now));
  if (black.length === 0) return [f('risk-warning', 'not-applicable', { zh: '经营者不在黑名单中', en: 'The operator is not black-listed' }, ['facts'])];
  const ev = ['facts', ...black.map((b) => `list:${b.list.id}`)];
  if (input.facts.riskWarning) return [f('risk-warning', 'pass', { zh: '已展示风险提示', en: 'Risk warning shown' }, [...ev, 'screenshot'], input.facts.riskWarning.selector)];
  return [f('risk-warning', 'violation', { zh: `经营者在「${black[0]!.list.name}」中，页面无风险提示`, en: `The operator is on "${black[0]!.list.name}" but the page shows no risk warning` }, [...ev, 'screenshot', 'html'])];
};

/** Check function of each rule id in rules.ts. */
export const CHECKS: Record<string, Check> = {
  'licence-shown': licenceShown,
  'licence-prominent': licenceProminent,
  'mark-valid': markValid,
  'uscc-valid': usccValid,
  'subject-consistent': subjectConsistent,
  'identity-mark-shown': identityShown,
  'credit-level-shown': creditShown,
  'self-declaration': selfDeclaration,
  'query-windows': queryWindows,
  'risk-warning': riskWarning,
};
