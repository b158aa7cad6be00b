// Kept apart from adapters.ts (zod): the content script checks patterns with it and carries no schema library.

/** The longest regular expression an adapter data file may carry, in UTF-16 code units. */
export const MAX_PATTERN = 300;

/**
 * Why a regular expression from adapter data is refused, or null when it passes the rule of docs/adapter-data.md:
 * at most MAX_PATTERN characters; compiles as a JavaScript RegExp without flags; no back-reference (`\1`, `\k<n>`);
 * and no repeat (`*`, `+`, `{n,}`, `{n,m}` with m > 1) of a group that itself holds a quantifier or an alternation
 * (the shapes behind catastrophic backtracking, `(a+)+`, `(a|a)*`). An optional group (`(…)?`) is no repeat.
 */
export function regexProblem(pattern: string): string | null {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN) return `length must be 1–${MAX_PATTERN}`;
  try {
    new RegExp(pattern);
  } catch {
    return 'not a valid regular expression';
  }
  // One pass over the source: groups on a stack, each noting whether it holds a quantifier or an alternation.
  const stack: { risky: boolean }[] = [{ risky: false }];
  let last: { risky: boolean } | 'atom' | null = null;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9k]/.test(next)) return 'back-references are not allowed';
      i++;
      last = 'atom';
    } else if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      last = 'atom';
    } else if (c === '(') {
      stack.push({ risky: false });
      const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(pattern.slice(i + 1));
      if (m) i += m[0].length;
      last = null;
    } else if (c === ')') {
      const group = stack.pop()!;
      if (group.risky) stack.at(-1)!.risky = true;
      last = group;
    } else if (c === '|') {
      stack.at(-1)!.risky = true;
      last = null;
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(?:,\d*)?\}/.test(pattern.slice(i)))) {
      const brace = c === '{' ? /^\{(\d+)(?:(,)(\d*))?\}/.exec(pattern.slice(i))! : null;
      const repeats = c === '*' || c === '+' || (brace !== null && (brace[2] === undefined ? Number(brace[1]) > 1 : brace[3] === '' || Number(brace[3]) > 1));
      if (repeats && last !== null && last !== 'atom' && last.risky) return 'a repeated group must not hold a quantifier or an alternation';
      stack.at(-1)!.risky = true;
      if (brace) i += brace[0].length - 1;
      if (pattern[i + 1] === '?') i++; // lazy
      last = null;
    } else {
      last = 'atom';
    }
  }
  return null;
}
