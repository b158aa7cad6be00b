import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../../widget/ui/types';
import { send, type PageReport, type SubjectReport } from '../../platform/messaging';
import { SubjectSummary } from '../../ui/SubjectSummary';
import { tr } from '../../ui/lang';

/** Subjects found on the current tab, and "check a code". */
export function Popup({ lang, tabId }: { lang: Lang; tabId?: number }) {
  const [report, setReport] = useState<PageReport | null | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [checked, setChecked] = useState<{ error?: string; subject?: SubjectReport }>();
  useEffect(() => {
    if (tabId === undefined) return setReport(null);
    send('popup:tab', { tabId }).then((r) => setReport(r.report), () => setReport(null));
  }, [tabId]);
  const check = async (e: Event) => {
    e.preventDefault();
    setChecked(await send('popup:check', { query }).catch((err: Error) => ({ error: err.message })));
  };
  return (
    <main style={{ minWidth: '340px' }}>
      <h1>信标 XinBiao</h1>
      <h2>{tr(lang, '本页经营者', 'Operators on this page')}</h2>
      {report === undefined && <p class="muted">…</p>}
      {report === null || (report && report.subjects.length === 0) ? (
        <p class="muted" data-testid="none">{tr(lang, '本页未发现网店经营者信息', 'No shop operator found on this page')}</p>
      ) : null}
      {report && report.subjects.length > 0 && <ul class="plain">{report.subjects.map((s) => <SubjectSummary key={s.key} s={s} lang={lang} />)}</ul>}
      <h2 id="check-h">{tr(lang, '查一个代码或名称', 'Check a code or name')}</h2>
      <form class="row" onSubmit={check} aria-labelledby="check-h">
        <label for="q">{tr(lang, '统一社会信用代码或名称', 'USCC or name')}</label>
        <input id="q" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} required maxLength={200} />
        <button type="submit">{tr(lang, '查询', 'Check')}</button>
      </form>
      <div aria-live="polite" data-testid="check-result">
        {checked?.error && <p class="error">{checked.error}</p>}
        {checked?.subject && <ul class="plain"><SubjectSummary s={checked.subject} lang={lang} /></ul>}
      </div>
      {tabId !== undefined && (
        <p>
          <a href={`/audit.html?tab=${tabId}`} target="_blank" data-testid="audit-link">{tr(lang, '审查此页', 'Audit this page')}</a>
          <span class="muted"> {tr(lang, '（监管抽查：证据与记录）', '(regulators: evidence and records)')}</span>
        </p>
      )}
      <p><a href="/options.html" target="_blank">{tr(lang, '设置与名单', 'Settings and lists')}</a></p>
    </main>
  );
}
