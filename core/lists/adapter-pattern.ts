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

/**
 * The most steps (characters read or choices undone, as patternWork estimates them) one pattern may take over a
 * text, all its starts together: reading 2^20 characters with `[\s\S]{n}` took 40–66 ms in Node on two cores at a
 * load of 4.5 (5 ms compiled on a quiet one); the other shapes tried cost less per step.
 */
export const MAX_WORK = 2 ** 20;

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
 * What one way may still spend over all the texts of a page (its inline scripts): steps as patternWork counts them.
 * Each text bounds a pattern to MAX_WORK; without a budget across them, a page of many scripts multiplies that.
 */
export interface PatternBudget {
  work: number;
}

/** A fresh budget for one way over one page: as much as one text allows (MAX_WORK steps). */
export const pageBudget = (): PatternBudget => ({ work: MAX_WORK });

/**
 * Runs an adapter pattern over a text, with work bounded whatever the text holds: a pattern that begins with a
 * literal is tried only where that literal stands, at its first startsFor(pattern) places; any other (a `^` pattern,
 * or a bundled one) as a plain search. With `budget`, each try also spends its patternWork from it and none is made
 * past it (bundled patterns the rules refuse spend nothing: they are ours). Gives the match, as
 * RegExp.prototype.exec does, or null.
 */
export function execWay(pattern: string, text: string, budget?: PatternBudget): RegExpExecArray | null {
  const { literal, re, starts, cost } = planOf(pattern);
  const spend = () => budget === undefined || (budget.work >= cost && ((budget.work -= cost), true));
  if (literal === '') return spend() ? re.exec(text) : null;
  for (let at = text.indexOf(literal), n = 0; at >= 0 && n < starts && spend(); at = text.indexOf(literal, at + 1), n++) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

/**
 * How many places of a text execWay tries a pattern that begins with a literal at: as many as MAX_WORK allows for
 * its patternWork, from 1 to MAX_STARTS; MAX_STARTS for a pattern regexProblem refuses (only bundled adapters run
 * those).
 */
export function startsFor(pattern: string): number {
  return planOf(pattern).starts;
}

/** How execWay runs a pattern: its literal ('' for a plain search), its expression (sticky after a literal), its starts, and what one try spends of a budget. */
interface Plan {
  literal: string;
  re: RegExp;
  starts: number;
  cost: number;
}

// execWay runs each way over every inline script of a page: the same few patterns, each read and compiled once.
const plans = new Map<string, Plan>();

function planOf(pattern: string): Plan {
  let plan = plans.get(pattern);
  if (plan === undefined) {
    const literal = leadingLiteral(pattern);
    const { problem, work } = inspect(pattern);
    const starts = problem === null ? Math.max(1, Math.min(MAX_STARTS, Math.floor(MAX_WORK / work))) : MAX_STARTS;
    plan = { literal, re: new RegExp(pattern, literal === '' ? '' : 'y'), starts, cost: problem === null ? work : 0 };
    if (plans.size >= 256) plans.clear();
    plans.set(pattern, plan);
  }
  return plan;
}

/**
 * The most steps one start of a pattern may take (rule 8 of docs/adapter-data.md), for a pattern with bounded
 * repeats: over its elements in sequence, the ways to reach each element times the steps the element itself takes
 * through all its choices (an atom 1; `x{m,n}` n times x's steps plus its n − m + 1 choices; an alternation its
 * branches' sum). Infinity for a pattern regexProblem refuses.
 */
export function patternWork(pattern: string): number {
  const { problem, work } = inspect(pattern);
  return problem === null ? work : Infinity;
}

/**
 * Why a regular expression from adapter data is refused, or null when it passes the rule of docs/adapter-data.md:
 * at most MAX_PATTERN characters; compiles as a JavaScript RegExp without flags; no back-reference (`\1`, `\k<n>`);
 * no repeat (`*`, `+`, `{n,}`, `{n,m}` with m > 1) of a group that itself holds a quantifier or an alternation
 * (the shapes behind catastrophic backtracking, `(a+)+`, `(a|a)*`; an optional group (`(…)?`) is no repeat); and at
 * most MAX_CHOICES choices in sequence (alternations and bounded quantifiers); no unbounded repeat (`*`, `+`,
 * `{n,}`); it begins with `^` or with MIN_LEADING_LITERAL literal characters; and its patternWork is at most
 * MAX_WORK. execWay then tries it at one start, or at as many as MAX_WORK / patternWork (at most MAX_STARTS), so
 * one pattern takes at most MAX_WORK steps, however long and however hostile the text.
 */
export function regexProblem(pattern: string): string | null {
  return inspect(pattern).problem;
}

function inspect(pattern: string): { problem: string | null; work: number } {
  const refuse = (problem: string) => ({ problem, work: Infinity });
  if (pattern.length === 0 || pattern.length > MAX_PATTERN) return refuse(`length must be 1–${MAX_PATTERN}`);
  try {
    new RegExp(pattern);
  } catch {
    return refuse('not a valid regular expression');
  }
  if (!anchored(pattern) && leadingLiteral(pattern).length < MIN_LEADING_LITERAL) return refuse(`must begin with ^ or with ${MIN_LEADING_LITERAL} literal characters`);
  // One pass over the source: groups on a stack, each noting whether it holds a quantifier or an alternation, and
  // its choices (the finished branches' sum, the current branch's product); `paths`: the last element's choices.
  // Steps likewise: `work` (finished branches' `done`, the current branch's sum) and the longest text (`len`,
  // finished branches' `longest`); `el`: the last element's own steps and length, and the branch before it.
  type Element = { steps: number; len: number; prodBefore: number; workBefore: number; lenBefore: number };
  type Group = { risky: boolean; sum: number; prod: number; look: boolean; done: number; work: number; longest: number; len: number; el: Element | null };
  const open = (look: boolean): Group => ({ risky: false, sum: 0, prod: 1, look, done: 0, work: 0, longest: 0, len: 0, el: null });
  // Appends an element to a branch: every way to reach it runs its own steps once.
  const append = (g: Group, steps: number, len: number) => {
    g.el = { steps, len, prodBefore: g.prod, workBefore: g.work, lenBefore: g.len };
    g.work += g.prod * steps;
    g.len += len;
  };
  const stack: Group[] = [open(false)];
  let last: Group | 'atom' | null = null;
  let paths = 1;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9k]/.test(next)) return refuse('back-references are not allowed');
      i++;
      [last, paths] = ['atom', 1];
      append(stack.at(-1)!, 1, 1);
    } else if (c === '[') {
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++;
      [last, paths] = ['atom', 1];
      append(stack.at(-1)!, 1, 1);
    } else if (c === '(') {
      const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(pattern.slice(i + 1));
      stack.push(open(m !== null && /^\?(?:=|!|<=|<!)$/.test(m[0])));
      paths = 1;
      if (m) i += m[0].length;
      last = null;
    } else if (c === ')') {
      const group = stack.pop()!;
      if (group.risky) stack.at(-1)!.risky = true;
      paths = group.sum + group.prod;
      // A lookaround reads text but moves no further: it adds nothing to the length a repeat multiplies.
      append(stack.at(-1)!, group.done + group.work, group.look ? 0 : Math.max(group.longest, group.len));
      stack.at(-1)!.prod *= paths;
      last = group;
    } else if (c === '|') {
      const group = stack.at(-1)!;
      group.risky = true;
      [group.sum, group.prod, paths] = [group.sum + group.prod, 1, 1];
      [group.done, group.work, group.longest, group.len, group.el] = [group.done + group.work, 0, Math.max(group.longest, group.len), 0, null];
      last = null;
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(?:,\d*)?\}/.test(pattern.slice(i)))) {
      const brace = c === '{' ? /^\{(\d+)(?:(,)(\d*))?\}/.exec(pattern.slice(i))! : null;
      const repeats = c === '*' || c === '+' || (brace !== null && (brace[2] === undefined ? Number(brace[1]) > 1 : brace[3] === '' || Number(brace[3]) > 1));
      if (repeats && last !== null && last !== 'atom' && last.risky) return refuse('a repeated group must not hold a quantifier or an alternation');
      if (c === '*' || c === '+' || brace?.[3] === '') return refuse('repeats must be bounded ({0,n}, not *, + or {n,})');
      // Choices of the quantified element: an optional one adds the empty match; a bounded repeat of an atom (rule 4
      // leaves only atoms and plain groups to repeat) chooses its count.
      const [min, max] = c === '?' ? [0, 1] : [Number(brace![1]), brace![2] === undefined ? Number(brace![1]) : Number(brace![3])];
      const choices = max <= 1 ? paths * max + (min === 0 ? 1 : 0) : max - min + 1;
      const group = stack.at(-1)!;
      group.prod = (group.prod / paths) * choices;
      group.risky = true;
      // Steps of the quantified element: its copies read through once (`{1000000}` reads a million characters on
      // every way to reach it), then each count undone.
      const el = group.el!;
      const steps = el.steps * max + choices;
      group.el = { ...el, steps, len: el.len * max };
      group.work = el.workBefore + el.prodBefore * steps;
      group.len = el.lenBefore + el.len * max;
      if (brace) i += brace[0].length - 1;
      if (pattern[i + 1] === '?') i++; // lazy
      last = null;
    } else {
      [last, paths] = ['atom', 1];
      append(stack.at(-1)!, 1, 1);
    }
    if (stack[0]!.sum + stack[0]!.prod > MAX_CHOICES || stack.some((g) => g.prod > MAX_CHOICES)) return refuse(`more than ${MAX_CHOICES} choices in sequence (alternations and bounded repeats)`);
  }
  const work = stack[0]!.done + stack[0]!.work;
  if (work > MAX_WORK) return refuse(`more than ${MAX_WORK} steps from one start (a long repeat reached in many ways)`);
  return { problem: null, work };
}
