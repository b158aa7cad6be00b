import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { MAX_WORK, execWay, pageBudget, patternWork, regexProblem, startsFor } from '../../../../core/lists/adapter-pattern';
import { SITES } from '../../../../extension/sites';

const WORK = `more than ${MAX_WORK} steps from one start (a long repeat reached in many ways)`;

// Patterns the rules of docs/adapter-data.md let through before the bound on steps, each with what it cost in Node
// over a hostile text of at most 2 MB (0.1–16 s where execWay should stay near 50 ms).
describe('adapter data patterns: attacks on the bound of work', () => {
  it.each([
    // A window of choices, each followed by a long exact count: 101 × 900,000 characters from one start.
    ['a window before a long exact count', 'abcd[\\s\\S]{0,100}[\\s\\S]{900000}x'],
    ['2^19 alternations before a 5,000-character read', `abcd${'(?:a|a)'.repeat(19)}[\\s\\S]{5000}x`],
    // 2^20 paths, within rule 5, each reading a 120-character tail: from 16 starts, or from ^ alone.
    ['2^20 alternations before a long literal', `abcd${'(?:a|a)'.repeat(20)}${'b'.repeat(120)}x`],
    ['2^20 optional atoms', `abcd${'a?'.repeat(20)}x`],
    ['2^20 alternations after ^', `^${'(?:a|a)'.repeat(20)}${'b'.repeat(120)}x`],
    ['an exact count past the bound', 'abcd[\\s\\S]{1048576}x'],
    // 101^3 choices, within rule 5 too: from 16 starts.
    ['three windows of 101 in sequence', 'abcd[\\s\\S]{0,100}[\\s\\S]{0,100}[\\s\\S]{0,100}x'],
  ])('refuses %s', (_, p) => {
    expect(regexProblem(p)).toBe(WORK);
  });

  // A bounded repeat was one choice whatever its count: a million characters read from each of 16 starts.
  it.each([
    ['an exact count of a million', 'abcd[\\s\\S]{1000000}x'],
    ['a narrow range of a large count', 'abcd[\\s\\S]{999990,1000000}x'],
  ])('tries %s at one start only', (_, p) => {
    expect(regexProblem(p)).toBeNull();
    expect(startsFor(p)).toBe(1);
    expect(execWay(p, `${'abcd'.padEnd(100, 'y').repeat(16)}${'y'.repeat(1_900_000)}`)).toBeNull();
  });

  it('one budget over a page of many texts: a pattern of 100,006 steps is tried ten times in all, not ten per text', () => {
    const p = 'abcd[\\s\\S]{100000}x';
    const miss = `abcd${'y'.repeat(100_001)}`;
    const hit = `abcd${'y'.repeat(100_000)}x`;
    // Ten texts that cost one try each, then the one that matches: its try is past the budget.
    const texts = [...Array.from({ length: 10 }, () => miss), hit];
    const budget = pageBudget();
    expect(texts.map((t) => execWay(p, t, budget)?.index ?? null)).toEqual([...Array.from({ length: 10 }, () => null), null]);
    // The same texts, each on its own: the last one matches.
    expect(execWay(p, hit)?.index).toBe(0);
    // Nine misses leave the tenth try for the match.
    const nine = pageBudget();
    expect([...Array.from({ length: 9 }, () => miss), hit].map((t) => execWay(p, t, nine)?.index ?? null).at(-1)).toBe(0);
  });

  it('the starts tried times the steps of each stay within MAX_WORK for every pattern the rule accepts', () => {
    for (const p of ['abcd[\\s\\S]{100000}x', 'abcd[\\s\\S]{0,1000}?x', `abcd${'a?'.repeat(16)}x`, '__ITEM_STATE__[\\s\\S]{0,2000}?"shopId":\\s?"(\\d{1,20})"']) {
      expect(regexProblem(p)).toBeNull();
      expect(startsFor(p) * patternWork(p)).toBeLessThanOrEqual(MAX_WORK);
    }
    expect(startsFor('abcd[\\s\\S]{100000}x')).toBe(10);
  });

  // Shapes that held: each is refused, or costs what its estimate says.
  it.each([
    ['a lookbehind window before the literal, no ^', '(?<=[\\s\\S]{0,4000})abcd', 'must begin with ^ or with 4 literal characters'],
    ['an escape the literal scanner cannot read', '\\u0041BCD[\\s\\S]{0,9}', 'must begin with ^ or with 4 literal characters'],
    ['a hex escape', '\\x41BCD', 'must begin with ^ or with 4 literal characters'],
    ['a control escape', '\\cABCD', 'must begin with ^ or with 4 literal characters'],
    ['a literal whose last character a brace makes optional', 'abcd{0,3}', 'must begin with ^ or with 4 literal characters'],
    ['a lazy optional last character', 'abcd??', 'must begin with ^ or with 4 literal characters'],
    ['a | behind an escaped bracket', 'abcd\\[|[\\s\\S]{0,9}x', 'must begin with ^ or with 4 literal characters'],
    ['^ inside a group', '(?:^)[\\s\\S]{0,9}x', 'must begin with ^ or with 4 literal characters'],
    ['\\p without the u flag', '\\p{L}bcd[\\s\\S]{0,9}', 'must begin with ^ or with 4 literal characters'],
    ['a class of anything before the literal', '[^]{0,9}abcd', 'must begin with ^ or with 4 literal characters'],
    ['a | after an escaped ] in a class', 'abcd[\\]|]|[\\s\\S]{0,9}x', 'must begin with ^ or with 4 literal characters'],
    ['[^] read a million times in 2^2 ways', 'abcd\\s?\\s?[^]{1000000}', WORK],
    ['a quantified group holding an empty alternative', '^(?:|a){1,9}', 'a repeated group must not hold a quantifier or an alternation'],
  ])('refuses %s', (_, p, why) => {
    expect(regexProblem(p)).toBe(why);
  });

  it('reads escapes and classes in the literal as the expression does', () => {
    expect(execWay('\\/\\-ab[\\]]{1}', 'x /-ab] y')?.index).toBe(2);
    expect(execWay('a\\|bc[|]', 'a|bc| a|bc|')?.index).toBe(0);
    expect(execWay('abcd[\\]|]x', 'abcd|x abcd]x')?.index).toBe(0);
    expect(execWay('abcd[]', 'abcd abcd')).toBeNull();
  });
});

// Each bundled adapter's patterns, over the recorded pages of its platform and the real pages kept beside the
// repository: execWay finds what a plain search finds.
describe('execWay on the recorded and the real pages', () => {
  let found = 0;
  const compare = (patterns: readonly string[], file: string) => {
    const html = readFileSync(file, 'utf8');
    const doc = new JSDOM(html).window.document;
    const texts = [html, ...[...doc.querySelectorAll('script:not([src])')].map((s) => s.textContent ?? '')];
    for (const p of patterns) for (const t of texts) {
      const plain = new RegExp(p).exec(t);
      const ours = execWay(p, t);
      expect([ours?.index, ours?.[0]], `${p} on ${file}`).toEqual([plain?.index, plain?.[0]]);
      found += plain ? 1 : 0;
    }
  };
  const patternsOf = (site: (typeof SITES)[number]) => Object.values(site.ways).flat().flatMap((w) => ('pattern' in w && w.pattern ? [w.pattern] : []));
  const pages = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
  const ROOT = join(import.meta.dirname, '../../../../test/fixtures/sites');
  for (const site of SITES) {
    it(`${site.id}: its patterns over its recorded pages`, () => {
      for (const file of pages(join(ROOT, site.id))) compare(patternsOf(site), file);
    });
  }
  it('every bundled pattern over every real page', () => {
    const real = pages(join(import.meta.dirname, '../../../../../shared/real-pages'));
    expect(real.length).toBeGreaterThan(10);
    for (const file of real) compare(SITES.flatMap(patternsOf), file);
  });
  it('found something to compare', () => {
    expect(found).toBeGreaterThan(20);
  });
});
