import { sameName } from '../lists/normalise-name';
import type { Facts } from './facts';
import type { VerdictRule } from './rules';
import type { Claim } from './types';

/** Two claims name one operator: by code when both have one, else by name (sameName). */
export const sameOperator = (a: Claim, b: Claim): boolean =>
  a.uscc && b.uscc ? a.uscc === b.uscc : !!a.name && !!b.name && sameName(a.name, b.name);

/**
 * The page's name for a code, when it is none of the names registered for that code: the status's subject and
 * licence names (from lists, endpoints or a genuine mark) and the names the page's marks give that code.
 */
export function claimedName({ status: s, page }: Facts): string | undefined {
  const c = page?.subject;
  if (!s || !c?.uscc || !c.name || s.subject.uscc !== c.uscc) return undefined;
  const registered = [s.subject.name, s.licence?.name, ...(page?.marks ?? []).filter((m) => m.uscc === c.uscc).map((m) => m.name)];
  return registered.some((n) => n && sameName(n, c.name!)) ? undefined : c.name;
}

/**
 * Rules about what the page itself claims (docs/verdict.md, rows 7–8): only a caller that read the page's own text
 * (the extension) has such claims; the widget, embedded by the platform, decides without them.
 */
export const PAGE_RULES: readonly VerdictRule[] = [
  { id: 'name.claimed', level: 'caution', when: (f) => claimedName(f) !== undefined,
    zh: '页面所示名称与该代码的登记名称不符', en: 'The name on this page is not the name registered for its code',
    detail: (f) => ({ zh: `页面自称“${claimedName(f)}”`, en: `page claims “${claimedName(f)}”` }) },
  { id: 'mark.other-operator', level: 'caution',
    when: ({ page: p }) => !!p && p.named.length > 0 && p.marks.some((m) => !p.named.some((n) => sameOperator(n, m))),
    zh: '页面上的营业执照与平台标识不是同一经营者', en: 'The licence on this page and the platform mark name different operators' },
];
