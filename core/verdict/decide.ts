import { gatherFacts } from './facts';
import { VERDICT_RULES } from './all-rules';
import type { VerdictRule } from './rules';
import type { Verdict, VerdictInput, VerdictLevel } from './types';

const RANK: Record<'good' | 'neutral' | 'unknown', number> = { unknown: 0, neutral: 1, good: 2 };

/**
 * Turns what is known about a shop into a level and reasons, by the rules in `VERDICT_RULES`
 * (documented in docs/verdict.md). Danger beats caution; otherwise the best evidence wins, limited by caps
 * (stale data → unknown, unchecked lists → at most neutral). Nothing known is `unknown`, never `good`.
 */
export function decideVerdict(input: VerdictInput): Verdict {
  return decideWith(VERDICT_RULES, input);
}

/** decideVerdict over a given rule table (the widget passes PAGELESS_RULES, so the page rules do not ship in it). */
export function decideWith(rules: readonly VerdictRule[], input: VerdictInput): Verdict {
  const facts = gatherFacts(input);
  const hits = rules.filter((r) => r.when(facts));
  const has = (level: VerdictLevel, cap = false) => hits.some((r) => r.level === level && (r.cap === true) === cap);
  let level: VerdictLevel;
  if (has('danger')) level = 'danger';
  else if (has('caution')) level = 'caution';
  else {
    let best: keyof typeof RANK = has('good') ? 'good' : has('neutral') ? 'neutral' : 'unknown';
    for (const cap of hits) if (cap.cap && RANK[cap.level as keyof typeof RANK] < RANK[best]) best = cap.level as keyof typeof RANK;
    level = best;
  }
  return {
    level,
    reasons: hits.map((r) => {
      const d = r.detail?.(facts);
      return { code: r.id, zh: d ? `${r.zh}（${d.zh}）` : r.zh, en: d ? `${r.en} (${d.en})` : r.en, level: r.level };
    }),
  };
}
