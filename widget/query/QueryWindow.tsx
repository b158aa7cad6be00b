import { Component, h } from 'preact';
import { decideWith } from '../../core/verdict';
import { PAGELESS_RULES } from '../../core/verdict';
import { fetchStatus } from '../data/endpoint';
import { LEVEL, t } from '../ui/i18n';
import type { Lang, VerdictView } from '../ui/types';
import { checkInput } from './check-input';
import type { QuerySite } from '../ui/sites';

export { QUERY_CSS } from './query.css';
export { pickSites } from '../ui/sites';

export interface QueryWindowProps {
  lang: Lang;
  sites: QuerySite[];
  /** Platform status endpoint base; when set, a valid code is also looked up there and answered inline. */
  endpoint?: string;
}

type Answer = { name: string; verdict: VerdictView } | 'none' | undefined;

/**
 * The credit-query window (P2): a search box that checks the code as you type and links to the official searches.
 * A class rather than hooks, so the widget ships without preact/hooks (about 1 kB gzip).
 */
export class QueryWindow extends Component<QueryWindowProps, { value: string; answer?: Answer }> {
  state = { value: '', answer: undefined as Answer };
  /** Endpoint and code of the lookup in flight; a new pair makes older answers stale. */
  #asked = '';

  componentDidMount(): void {
    this.#lookup();
  }

  componentDidUpdate(): void {
    this.#lookup();
  }

  componentWillUnmount(): void {
    this.#asked = '\0';
  }

  /** Looks the checked code up at the endpoint once per endpoint and code, keeping only the latest answer. */
  #lookup(): void {
    const { endpoint } = this.props;
    const uscc = checkInput(this.state.value, this.props.lang).uscc;
    const asked = `${endpoint ?? ''} ${uscc ?? ''}`;
    if (asked === this.#asked) return;
    this.#asked = asked;
    if (this.state.answer !== undefined) this.setState({ answer: undefined });
    if (!endpoint || !uscc) return;
    const live = () => this.#asked === asked;
    fetchStatus(endpoint, uscc).then(
      (s) => live() && this.setState({ answer: s ? { name: s.subject.name, verdict: decideWith(PAGELESS_RULES, { status: s, listsChecked: true, now: Date.now() }) } : 'none' }),
      () => live() && this.setState({ answer: 'none' }),
    );
  }

  render() {
    return queryForm(this.props, this.state.value, this.state.answer, (value) => this.setState({ value }));
  }
}

function queryForm({ lang, sites }: QueryWindowProps, value: string, answer: Answer, setValue: (v: string) => void) {
  const c = checkInput(value, lang);
  const zh = lang === 'zh';
  const onSubmit = (e: Event) => {
    e.preventDefault();
    if (c.keyword && c.state !== 'bad' && sites[0]) window.open(sites[0].url(c.keyword), '_blank', 'noopener,noreferrer');
  };
  return (
    <form role="search" aria-labelledby="xq-h" onSubmit={onSubmit} noValidate>
      <span class="h" id="xq-h">{t(lang, 'query')}</span>
      <label for="xq-i">{t(lang, 'queryLabel')}</label>
      <div class="row">
        <input id="xq-i" type="search" autocomplete="off" spellcheck={false} maxLength={100} value={value}
          aria-invalid={c.state === 'bad'} aria-describedby="xq-m" onInput={(e) => setValue((e.currentTarget as HTMLInputElement).value)} />
        <button type="submit">{t(lang, 'search')}</button>
      </div>
      <div id="xq-m" class={`m ${c.state === 'bad' ? 'bad' : c.state === 'ok' ? 'ok' : ''}`} aria-live="polite">{c.message}</div>
      {answer && (
        <div class={`ans ${answer === 'none' ? 'unknown' : answer.verdict.level}`} aria-live="polite">
          {t(lang, 'endpointAnswer')}: {answer === 'none' ? (zh ? '无记录' : 'no record') : `${answer.name} · ${LEVEL[answer.verdict.level][zh ? 0 : 1]}${answer.verdict.reasons[0] ? ` · ${answer.verdict.reasons[0][lang]}` : ''}`}
        </div>
      )}
      <ul aria-label={t(lang, 'check')}>
        {sites.map((s) => (
          <li key={s.id}><a href={s.url(c.state === 'bad' ? '' : c.keyword)} target="_blank" rel="noopener noreferrer">{zh ? s.zh : s.en}</a></li>
        ))}
      </ul>
    </form>
  );
}
