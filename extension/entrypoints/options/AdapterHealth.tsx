import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../../widget/ui/types';
import { HealthChanged, send, type AdapterDataRef, type HealthRow, type MissedValue } from '../../platform/messaging';
import { PAGE_KINDS, type PageKind } from '../../sites/define-site';
import { SITES } from '../../sites';
import { tr } from '../../ui/lang';

const KIND: Record<PageKind, [string, string]> = { item: ['商品页', 'item page'], licence: ['营业执照页', 'licence page'], shop: ['店铺页', 'shop page'] };
const VALUE: Record<MissedValue, [string, string]> = { shopName: ['店铺名称', 'shop name'], shopId: ['店铺编号', 'shop id'], operator: ['经营者', 'operator'] };
const FROM: Record<HealthRow['ways'][number]['from'], [string, string]> = {
  script: ['页面数据', 'page data'], url: ['网址', 'address'], near: ['进店按钮旁', 'next to 进店'], selector: ['选择器', 'selector'],
};
/** Shown in both languages, Chinese first, whatever the page's language (like the buttons' labels). */
export const READ_FAILED = '无法读取适配器状况，已显示的表格可能不是最新的 / Could not read the adapter health; a table shown may be out of date';

const fileText = (d: AdapterDataRef) => `${d.id} v${d.version} · ${d.publisher}`;
const rowKey = (r: HealthRow) => `${r.kind} ${r.value} ${r.ways.map((w) => w.i).join()} ${r.data.map(fileText).join()}`;

/** Why the table is read: the page opened, the background said it changed, or the shopper asked again after a failure. */
type Why = 'open' | 'change' | 'retry';

/**
 * Adapter health: per adapter a table of the page kinds and values its pages missed (counts, first and last day,
 * the ways that missed, the adapter data in force), the copyable report the background built (no address, no shop,
 * no personal data) and 清除. Drawn again whenever the background says the table changed (HealthChanged), announced
 * politely, focus left where it is. A failed read says so with a retry button and keeps the table already shown.
 */
export function AdapterHealth({ lang }: { lang: Lang }) {
  const [rows, setRows] = useState<HealthRow[]>([]);
  const [report, setReport] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState(false);
  // The polite live region's text: a read failure, or what changed while the page was open.
  const [live, setLive] = useState('');
  const [message, setMessage] = useState('');
  // The clipboard refused: the report text the message points to is shown, not left folded away.
  const [unfold, setUnfold] = useState(false);
  const shown = useRef<string>('[]');
  const failing = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const retryButton = useRef<HTMLButtonElement>(null);
  const focusHeading = useRef(false);
  // One read at a time; changes told meanwhile make one more read after it, however many arrived.
  const reading = useRef<{ busy: boolean; again: Why | null }>({ busy: false, again: null });

  const read = async (why: Why) => {
    try {
      const r = await send('options:health', {});
      const text = JSON.stringify(r.rows);
      const changed = text !== shown.current;
      shown.current = text;
      setRows(r.rows);
      setReport(r.report);
      setLoaded(true);
      setFailed(false);
      const recovered = failing.current;
      failing.current = false;
      if (why === 'retry' || recovered || (why === 'change' && changed)) {
        setLive(`适配器状况已更新，共 ${r.rows.length} 行 / Adapter health updated: ${r.rows.length} ${r.rows.length === 1 ? 'row' : 'rows'}`);
      }
    } catch {
      failing.current = true;
      setFailed(true);
      setLive(READ_FAILED);
    }
  };
  const refresh = (why: Why) => {
    const state = reading.current;
    if (state.busy) return void (state.again = state.again === 'retry' ? 'retry' : why);
    state.busy = true;
    void read(why).finally(() => {
      state.busy = false;
      const next = state.again;
      state.again = null;
      if (next) refresh(next);
    });
  };

  useEffect(() => {
    refresh('open');
    const own = browser.runtime.getURL('/');
    // Only the background's word counts (no tab, the extension's own address): a content script's message reaches this page too.
    const onMessage = (m: unknown, sender: { tab?: unknown; url?: string }) => {
      if (!sender.tab && sender.url?.startsWith(own) && HealthChanged.safeParse(m).success) refresh('change');
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);
  // The retry button goes once a read works: focus it held moves to the section's heading, not to the page's start,
  // in the same commit (layout effect), so the focus never rests on the page's body in between.
  useLayoutEffect(() => {
    if (!failed && focusHeading.current) heading.current?.focus();
    focusHeading.current = false;
  }, [failed]);

  const retry = () => {
    focusHeading.current = document.activeElement === retryButton.current;
    refresh('retry');
  };
  const copy = async () => {
    if (rows.length === 0) return;
    const ok = await navigator.clipboard.writeText(report).then(() => true, () => false);
    setMessage(ok ? '已复制 / Copied' : '无法写入剪贴板，请从下方复制 / The clipboard refused: copy the text below');
    if (!ok) setUnfold(true);
  };
  const clear = async () => {
    if (rows.length === 0) return;
    const r = await send('options:health-clear', {}).catch((e: Error) => ({ ok: false, error: e.message }));
    setMessage(r.ok ? '已清除 / Cleared' : (r.error ?? ''));
    refresh('open');
  };
  const sites = SITES.filter((s) => rows.some((r) => r.site === s.id));
  const both = ([zh, en]: [string, string]) => tr(lang, `${zh}（${en}）`, `${en} (${zh})`);
  // Kept focusable when there is nothing to copy or clear: the button just used keeps the keyboard focus.
  const none = rows.length === 0;
  return (
    <section aria-labelledby="health-h" data-testid="adapter-health">
      <h2 id="health-h" ref={heading} tabIndex={-1}>适配器状况 / Adapter health</h2>
      <p class="muted">{tr(lang,
        '平台改版后，适配器可能读不到店铺或经营者。信标在本机记录这类情况：适配器、当时使用的适配数据（内置或签名的适配数据文件及其版本）、页面类型、缺失的内容和未命中的读取方式，以及次数和首末日期；不记录网址、店铺名称或页面内容，也不会发送到任何地方。本页打开时，表格随新记录自动更新。',
        'After a platform redesign an adapter may no longer read the shop or its operator. XinBiao counts such pages on this device: adapter, the adapter data in force (bundled, or a signed adapter data file and its version), page kind, what was missing and which ways missed, with counts and first/last day; never the address, the shop name or the page text, and nothing is sent anywhere. While this page is open the table updates as pages are counted.')}</p>
      <div role="status" data-testid="health-live" class={failed ? 'error' : 'muted'}>{live}</div>
      {failed && <button type="button" ref={retryButton} onClick={retry}>重试 / Retry</button>}
      {loaded && !failed && none && <p data-testid="health-empty">{tr(lang, '暂无记录', 'Nothing counted yet')}</p>}
      {sites.map((site) => (
        <div class="table-wrap" role="region" tabIndex={0} aria-labelledby={`health-${site.id}`} key={site.id}>
          <table data-testid="health-table" data-site={site.id}>
            <caption id={`health-${site.id}`}>{site.name.zh} / {site.name.en} <span class="muted">({site.id})</span></caption>
            <thead>
              <tr>
                <th scope="col">{both(['页面类型', 'Page kind'])}</th>
                <th scope="col">{both(['缺失', 'Missing'])}</th>
                <th scope="col">{both(['次数', 'Count'])}</th>
                <th scope="col">{both(['首次', 'First day'])}</th>
                <th scope="col">{both(['最近', 'Last day'])}</th>
                <th scope="col">{both(['未命中的方式', 'Ways that missed'])}</th>
                <th scope="col">{both(['适配数据', 'Adapter data'])}</th>
              </tr>
            </thead>
            <tbody>
              {PAGE_KINDS.flatMap((kind) => rows.filter((r) => r.site === site.id && r.kind === kind)).map((r) => (
                <tr key={rowKey(r)} data-kind={r.kind} data-value={r.value}>
                  <th scope="row">{both(KIND[r.kind])}</th>
                  <td>{both(VALUE[r.value])}</td>
                  <td data-testid="health-count">{r.count}</td>
                  <td>{r.first}</td>
                  <td>{r.last}</td>
                  <td>{r.ways.length ? r.ways.map((w) => `#${w.i} ${tr(lang, FROM[w.from][0], FROM[w.from][1])}`).join(' · ') : tr(lang, '（无）', '(none)')}</td>
                  <td data-testid="health-data">{r.data.length ? r.data.map(fileText).join('；') : both(['内置', 'bundled'])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <div class="row">
        <button type="button" aria-disabled={none ? 'true' : undefined} onClick={() => void copy()}>复制报告 / Copy report</button>
        <button type="button" aria-disabled={none ? 'true' : undefined} onClick={() => void clear()}>清除 / Clear</button>
        <span role="status" data-testid="health-message">{message}</span>
      </div>
      {!none && (
        <details open={unfold || undefined}>
          <summary>{tr(lang, '报告内容', 'Report text')}</summary>
          <pre class="report" data-testid="health-report" tabIndex={0}>{report}</pre>
        </details>
      )}
    </section>
  );
}
