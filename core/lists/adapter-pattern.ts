// Kept apart from adapters.ts (zod): the content script checks patterns with it and carries no schema library.

/** The longest regular expression an adapter data file may carry, in UTF-16 code units. */
export const MAX_PATTERN = 300;

/**
 * The most choices a pattern may hold (rule 5 of docs/adapter-data.md): the product, over its alternations, of their
 * branch counts and, over its optional and bounded quantifiers, of max − min + 1. Without it `(a|a)(a|a)…x` or
 * `a?a?a?…x` backtrack through 2^n paths with no repeat at all.
 */
export const MAX_CHOICES = 2 ** 20;

/** The fewest literal characters a pattern that is not anchored with `^` must begin with (rule 7). */
export const MIN_LEADING_LITERAL = 4;

/** The most places a pattern that begins with a literal is tried at, in a text (execWay). */
export const MAX_STARTS = 16;

// Characters with a meaning of their own in a pattern; an escape of any other non-alphanumeric one is a literal.
const SPECIAL = new Set('\\^$.|?*+()[]{}'.split(''));
const QUANTIFIER = new Set(['?', '*', '+', '{']);

/** Whether a pattern has a `|` outside every group: then no beginning is common to all its matches. */
function alternatesAtTop(pattern: string): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') i++;
    else if (c === '[') for (i++; i < pattern.length && pattern[i] !== ']'; i++) i += pattern[i] === '\\' ? 1 : 0;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return true;
  }
  return false;
}

/** Whether every match of a pattern starts at the text's start: `^` first, and no `|` outside a group. */
const anchored = (pattern: string) => pattern.startsWith('^') && !alternatesAtTop(pattern);

/**
 * The literal text every match of a pattern begins with (`pageConfig[\s\S]{0,4000}?…` → `pageConfig`,
 * `mall\.jd\.` → `mall.jd.`), without a last character a quantifier makes optional; '' when it begins otherwise
 * or has a `|` outside a group.
 */
export function leadingLiteral(pattern: string): string {
  if (alternatesAtTop(pattern)) return '';
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    let ch: string;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (next === '' || /[0-9A-Za-z]/.test(next)) break; // \d, \b, \u…: a class, an assertion or a code
      ch = next;
      i++;
    } else if (SPECIAL.has(c)) break;
    else ch = c;
    if (QUANTIFIER.has(pattern[i + 1] ?? '')) break;
    out += ch;
  }
  return out;
}

/**
 * Runs an adapter pattern over a text, with work bounded whatever the text holds: a pattern that begins with a
 * literal is tried only where that literal stands, at its first MAX_STARTS places; any other (a `^` pattern, or a
 * bundled one) as a plain search. Gives the match, as RegExp.prototype.exec does, or null.
 */
export function execWay(pattern: string, text: string): RegExpExecArray | null {
  const literal = leadingLiteral(pattern);
  if (literal === '') return new RegExp(pattern).exec(text);
  const re = new RegExp(pattern, 'y');
  for (let at = text.indexOf(literal), n = 0; at >= 0 && n < MAX_STARTS; at = text.indexOf(literal, at + 1), n++) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

/**
 * Why a regular expression from adapter data is refused, or null when it passes the rule of docs/adapter-data.md:
 * at most MAX_PATTERN characters; compiles as a JavaScript RegExp without flags; no back-reference (`\1`, `\k<n>`);
 * no repeat (`*`, `+`, `{n,}`, `{n,m}` with m > 1) of a group that itself holds a quantifier or an alternation
 * (the shapes behind catastrophic backtracking, `(a+)+`, `(a|a)*`; an optional group (`(…)?`) is no repeat); and at
 * most MAX_CHOICES choices in sequence (alternations and bounded quantifiers); no unbounded repeat (`*`, `+`,
 * `{n,}`); and it begins with `^` or with MIN_LEADING_LITERAL literal characters. execWay then tries it at one start
 * or at most MAX_STARTS, each through at most MAX_CHOICES paths, however long and however hostile the text.
 */
export function regexProblem(pattern: string): string | null {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN) return `length must be 1–${MAX_PATTERN}`;
  try {
    new RegExp(pattern);
  } catch {
    return 'not a valid regular expression';
  }
  if (!anchored(pattern) && leadingLiteral(pattern).length < MIN_LEADING_LITERAL) return `must begin with ^ or with ${MIN_LEADING_LITERAL} literal characters`;
  // One pass over the source: groups on a stack, each noting whether it holds a quantifier or an alternation, and
  // its choices (the finished branches' sum, the current branch's product); `paths`: the last element's choices.
  type Group = { risky: boolean; sum: number; prod: number };
  const stack: Group[] = [{ risky: false, sum: 0, prod: 1 }];
  let last: Group | 'atom' | null = null;
  let paths = 1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9k]/.test(next)) return 'back-references are not allowed';
      i++;
      [last, paths] = ['atom', 1];
    } else if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      [last, paths] = ['atom', 1];
    } else if (c === '(') {
      stack.push({ risky: false, sum: 0, prod: 1 });
      paths = 1;
      const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(pattern.slice(i + 1));
      if (m) i += m[0].length;
      last = null;
    } else if (c === ')') {
      const group = stack.pop()!;
      if (group.risky) stack.at(-1)!.risky = true;
      paths = group.sum + group.prod;
      stack.at(-1)!.prod *= paths;
      last = group;
    } else if (c === '|') {
      const group = stack.at(-1)!;
      group.risky = true;
      [group.sum, group.prod, paths] = [group.sum + group.prod, 1, 1];
      last = null;
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(?:,\d*)?\}/.test(pattern.slice(i)))) {
      const brace = c === '{' ? /^\{(\d+)(?:(,)(\d*))?\}/.exec(pattern.slice(i))! : null;
      const repeats = c === '*' || c === '+' || (brace !== null && (brace[2] === undefined ? Number(brace[1]) > 1 : brace[3] === '' || Number(brace[3]) > 1));
      if (repeats && last !== null && last !== 'atom' && last.risky) return 'a repeated group must not hold a quantifier or an alternation';
      if (c === '*' || c === '+' || brace?.[3] === '') return 'repeats must be bounded ({0,n}, not *, + or {n,})';
      // Choices of the quantified element: an optional one adds the empty match; a bounded repeat of an atom (rule 4
      // leaves only atoms and plain groups to repeat) chooses its count.
      const [min, max] = c === '?' ? [0, 1] : [Number(brace![1]), brace![2] === undefined ? Number(brace![1]) : Number(brace![3])];
      const choices = max <= 1 ? paths * max + (min === 0 ? 1 : 0) : max - min + 1;
      const group = stack.at(-1)!;
      group.prod = (group.prod / paths) * choices;
      group.risky = true;
      if (brace) i += brace[0].length - 1;
      if (pattern[i + 1] === '?') i++; // lazy
      last = null;
    } else {
      [last, paths] = ['atom', 1];
    }
    if (stack[0]!.sum + stack[0]!.prod > MAX_CHOICES || stack.some((g) => g.prod > MAX_CHOICES)) return `more than ${MAX_CHOICES} choices in sequence (alternations and bounded repeats)`;
  }
  return null;
}
