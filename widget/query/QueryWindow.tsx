import { useEffect, useState } from 'preact/hooks';
import { decideVerdict } from '../../core/verdict';
import { fetchStatus } from '../data/endpoint';
import { LEVEL, t } from '../ui/i18n';
import type { Lang, VerdictView } from '../ui/types';
import { checkInput } from './check-input';
import type { QuerySite } from './sites';

export { QUERY_CSS } from './query.css';
export { pickSites } from './sites';

export interface QueryWindowProps {
  lang: Lang;
  sites: QuerySite[];
  /** Platform status endpoint base; when set, a valid code is also looked up there and answered inline. */
  endpoint?: string;
}

type Answer = { name: string; verdict: VerdictView } | 'none' | undefined;

/** The credit-query window (P2): a search box that checks the code as you type and links to the official searches. */
export function QueryWindow({ lang, sites, endpoint }: QueryWindowProps) {
  const [value, setValue] = useState('');
  const [answer, setAnswer] = useState<Answer>();
  const c = checkInput(value, lang);
  const zh = lang === 'zh';
  useEffect(() => {
    setAnswer(undefined);
    if (!endpoint || !c.uscc) return;
    let live = true;
    fetchStatus(endpoint, c.uscc).then(
      (s) => live && setAnswer(s ? { name: s.subject.name, verdict: decideVerdict({ status: s, listsChecked: true, now: Date.now() }) } : 'none'),
      () => live && setAnswer('none'),
    );
    return () => { live = false; };
  }, [endpoint, c.uscc]);
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
