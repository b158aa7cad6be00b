import van from 'vanjs-core';
import { decideWith } from '../../core/verdict';
import { PAGELESS_RULES } from '../../core/verdict';
import { fetchStatus } from '../data/endpoint';
import { LEVEL, t } from '../ui/i18n';
import type { Lang, VerdictView } from '../ui/types';
import { checkInput } from './check-input';
import type { QuerySite } from '../ui/sites';

export { QUERY_CSS } from './query.css';
export { pickSites } from '../ui/sites';

const { a, button, div, form, input, label, li, span, ul } = van.tags;

export interface QueryWindowProps {
  lang: Lang;
  sites: QuerySite[];
  /** Platform status endpoint base; when set, a valid code is also looked up there and answered inline. */
  endpoint?: string;
  /** What the box holds when drawn (kept by the element across redraws). */
  value?: string;
  /** Told every change of the box's text. */
  onValue?: (value: string) => void;
}

type Answer = { name: string; verdict: VerdictView } | 'none' | undefined;

/**
 * The credit-query window (P2): a search box that checks the code as you type and links to the official searches.
 * Only the parts that depend on the text are redrawn as it changes (van states), so the box keeps focus and caret.
 */
export function QueryWindow({ lang, sites, endpoint, value = '', onValue }: QueryWindowProps): HTMLFormElement {
  const zh = lang === 'zh';
  const text = van.state(value);
  const answer = van.state<Answer>(undefined);
  const c = van.derive(() => checkInput(text.val, lang));
  // Endpoint and code of the lookup in flight; a new pair makes older answers stale.
  let asked = '';
  van.derive(() => {
    const uscc = c.val.uscc;
    const key = `${endpoint ?? ''} ${uscc ?? ''}`;
    if (key === asked) return;
    asked = key;
    answer.val = undefined;
    if (!endpoint || !uscc) return;
    const live = () => asked === key;
    fetchStatus(endpoint, uscc).then(
      (s) => { if (live()) answer.val = s ? { name: s.subject.name, verdict: decideWith(PAGELESS_RULES, { status: s, listsChecked: true, now: Date.now() }) } : 'none'; },
      () => { if (live()) answer.val = 'none'; },
    );
  });
  const onsubmit = (e: Event) => {
    e.preventDefault();
    const k = c.val;
    if (k.keyword && k.state !== 'bad' && sites[0]) window.open(sites[0].url(k.keyword), '_blank', 'noopener,noreferrer');
  };
  const ans = () => {
    const x = answer.val;
    if (!x) return '';
    const said = x === 'none' ? (zh ? '无记录' : 'no record') : `${x.name} · ${LEVEL[x.verdict.level][zh ? 0 : 1]}${x.verdict.reasons[0] ? ` · ${x.verdict.reasons[0][lang]}` : ''}`;
    return `${t(lang, 'endpointAnswer')}: ${said}`;
  };
  return form(
    { role: 'search', 'aria-labelledby': 'xq-h', onsubmit, noValidate: true },
    span({ class: 'h', id: 'xq-h' }, t(lang, 'query')),
    label({ for: 'xq-i' }, t(lang, 'queryLabel')),
    div(
      { class: 'row' },
      input({
        id: 'xq-i', type: 'search', autocomplete: 'off', spellcheck: false, maxLength: 100, value,
        'aria-invalid': () => String(c.val.state === 'bad'), 'aria-describedby': 'xq-m',
        oninput: (e: Event) => { text.val = (e.currentTarget as HTMLInputElement).value; onValue?.(text.val); },
      }),
      button({ type: 'submit' }, t(lang, 'search')),
    ),
    div({ id: 'xq-m', class: () => `m ${c.val.state === 'bad' ? 'bad' : c.val.state === 'ok' ? 'ok' : ''}`, 'aria-live': 'polite' }, () => c.val.message),
    div({ class: () => `ans ${answer.val === 'none' ? 'unknown' : answer.val?.verdict.level ?? ''}`, hidden: () => !answer.val, 'aria-live': 'polite' }, ans),
    ul(
      { 'aria-label': t(lang, 'check') },
      sites.map((s) => li(a({ href: () => s.url(c.val.state === 'bad' ? '' : c.val.keyword), target: '_blank', rel: 'noopener noreferrer' }, zh ? s.zh : s.en))),
    ),
  );
}
