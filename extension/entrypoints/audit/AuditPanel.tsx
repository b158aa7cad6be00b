import { useEffect, useState } from 'preact/hooks';
import type { AuditStore } from '../../audit/db';
import { FindingItem } from './FindingItem';
import { highlightElement } from '../../audit/probe';
import type { AuditRecord, Verdict } from '../../audit/record';
import { RecordsView } from './RecordsView';
import { ScreenshotAccess } from './ScreenshotAccess';
import { auditTab } from '../../audit/run';

interface Props {
  store: AuditStore;
  selfTab?: number;
  tabParam: string | null;
  urlParam: string | null;
}

/** The page to audit: the tab named in the address, the tab showing the named URL, or the last active web page. */
async function findTarget(tabParam: string | null, urlParam: string | null, self?: number): Promise<Browser.tabs.Tab | undefined> {
  const tabs = await browser.tabs.query({});
  if (tabParam) return tabs.find((t) => t.id === Number(tabParam));
  if (urlParam) return tabs.find((t) => t.url === urlParam);
  return tabs.filter((t) => t.id !== self && /^https?:/.test(t.url ?? '')).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

/** Audit mode: run the rules on a page, review each finding with a verdict and note, keep the records. */
export function AuditPanel({ store, selfTab, tabParam, urlParam }: Props) {
  const [target, setTarget] = useState<Browser.tabs.Tab>();
  const [record, setRecord] = useState<AuditRecord>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [version, setVersion] = useState(0);
  useEffect(() => { void findTarget(tabParam, urlParam, selfTab).then(setTarget); }, [tabParam, urlParam, selfTab]);

  const run = async () => {
    if (!target?.id) return;
    // Asked on the click itself (a user gesture); granted once, it is not asked again.
    const origin = (() => { try { return `${new URL(target.url ?? '').origin}/*`; } catch { return undefined; } })();
    const granted = await browser.permissions.request({ permissions: ['scripting'], ...(origin ? { origins: [origin] } : {}) }).catch(() => false);
    if (!granted) return setStatus('需要“读取和更改网页”权限 Permission needed to read the page');
    setBusy(true);
    setStatus('正在审查… Auditing…');
    try {
      const r = await auditTab(target.id, selfTab);
      await store.put(r);
      setRecord(r);
      setVersion(version + 1);
      const n = r.findings.filter((f) => f.outcome === 'violation').length;
      setStatus(`审查完成：${n} 项违规 Done: ${n} violations${r.screenshot ? '' : '（未截图：未授予截图权限 no screenshot: access not granted）'}`);
    } catch (err) {
      setStatus(`审查失败 Audit failed: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const save = async (i: number, verdict: Verdict, note: string) => {
    if (!record) return;
    const next = { ...record, findings: record.findings.map((f, j) => (j === i ? { ...f, verdict, note } : f)) };
    await store.put(next);
    setRecord(next);
    setVersion(version + 1);
    setStatus('已保存 Saved');
  };

  const highlight = async (selector: string) => {
    const tabId = record && target?.url === record.url ? target.id : undefined;
    if (tabId === undefined) return setStatus('原页面已不在 The page is no longer open');
    const [res] = await browser.scripting.executeScript({ target: { tabId }, func: highlightElement, args: [selector] });
    await browser.tabs.update(tabId, { active: true });
    setStatus(res?.result ? '已在页面上标出 Highlighted on the page' : '页面上找不到该元素 Element not found');
  };

  return (
    <main class="audit">
      <h1>信标审查模式 <span class="muted">XinBiao audit mode</span></h1>
      <section aria-labelledby="target-h">
        <h2 id="target-h">当前页面 Page</h2>
        <p data-testid="target">{target ? `${target.title ?? ''} — ${target.url ?? ''}` : '没有可审查的页面 No page to audit'}</p>
        <div class="row">
          <button type="button" disabled={!target || busy} onClick={run}>审查此页面 Audit this page</button>
          <ScreenshotAccess />
        </div>
        <p role="status" aria-live="polite" data-testid="status">{status}</p>
      </section>
      {record && (
        <section aria-labelledby="findings-h" data-record={record.id}>
          <h2 id="findings-h">审查结果 Findings</h2>
          <p class="muted">{record.url} · {record.time} · SHA-256 <code data-testid="sha">{record.htmlSha256}</code></p>
          {record.screenshot && <img class="shot" alt="页面截图 Screenshot" src={record.screenshot} />}
          <ul class="plain" data-testid="findings">
            {record.findings.map((f, i) => (
              <FindingItem key={`${record.id}-${i}`} finding={f} index={i} onHighlight={highlight} onSave={(v, n) => void save(i, v, n)} />
            ))}
          </ul>
        </section>
      )}
      <RecordsView store={store} version={version} onOpen={setRecord} />
    </main>
  );
}
