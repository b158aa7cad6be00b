import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../../widget/ui/types';
import { send, type HealthRow, type MissedValue } from '../../platform/messaging';
import { PAGE_KINDS, type PageKind } from '../../sites/define-site';
import { SITES } from '../../sites';
import { tr } from '../../ui/lang';

const KIND: Record<PageKind, [string, string]> = { item: ['商品页', 'item page'], licence: ['营业执照页', 'licence page'], shop: ['店铺页', 'shop page'] };
const VALUE: Record<MissedValue, [string, string]> = { shopName: ['店铺名称', 'shop name'], shopId: ['店铺编号', 'shop id'], operator: ['经营者', 'operator'] };
const FROM: Record<HealthRow['ways'][number]['from'], [string, string]> = {
  script: ['页面数据', 'page data'], url: ['网址', 'address'], near: ['进店按钮旁', 'next to 进店'], selector: ['选择器', 'selector'],
};

/**
 * Adapter health: per adapter a table of the page kinds and values its pages missed (counts, first and last day,
 * the ways that missed), the copyable report the background built (no address, no shop, no personal data) and 清除.
 */
export function AdapterHealth({ lang }: { lang: Lang }) {
  const [rows, setRows] = useState<HealthRow[]>([]);
  const [report, setReport] = useState('');
  const [message, setMessage] = useState('');
  // The clipboard refused: the report text the message points to is shown, not left folded away.
  const [unfold, setUnfold] = useState(false);
  const reload = () => send('options:health', {}).then((r) => { setRows(r.rows); setReport(r.report); }, () => undefined);
  useEffect(() => void reload(), []);
  const copy = async () => {
    const ok = await navigator.clipboard.writeText(report).then(() => true, () => false);
    setMessage(ok ? '已复制 / Copied' : '无法写入剪贴板，请从下方复制 / The clipboard refused: copy the text below');
    if (!ok) setUnfold(true);
  };
  const clear = async () => {
    const r = await send('options:health-clear', {}).catch((e: Error) => ({ ok: false, error: e.message }));
    setMessage(r.ok ? '已清除 / Cleared' : (r.error ?? ''));
    await reload();
  };
  const sites = SITES.filter((s) => rows.some((r) => r.site === s.id));
  const both = ([zh, en]: [string, string]) => tr(lang, `${zh}（${en}）`, `${en} (${zh})`);
  return (
    <section aria-labelledby="health-h" data-testid="adapter-health">
      <h2 id="health-h">适配器状况 / Adapter health</h2>
      <p class="muted">{tr(lang,
        '平台改版后，适配器可能读不到店铺或经营者。信标在本机记录这类情况：适配器、页面类型、缺失的内容和未命中的读取方式，以及次数和首末日期；不记录网址、店铺名称或页面内容，也不会发送到任何地方。',
        'After a platform redesign an adapter may no longer read the shop or its operator. XinBiao counts such pages on this device: adapter, page kind, what was missing and which ways missed, with counts and first/last day; never the address, the shop name or the page text, and nothing is sent anywhere.')}</p>
      {rows.length === 0 && <p data-testid="health-empty">{tr(lang, '暂无记录', 'Nothing counted yet')}</p>}
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
              </tr>
            </thead>
            <tbody>
              {PAGE_KINDS.flatMap((kind) => rows.filter((r) => r.site === site.id && r.kind === kind)).map((r) => (
                <tr key={`${r.kind} ${r.value} ${r.ways.map((w) => w.i).join()}`} data-kind={r.kind} data-value={r.value}>
                  <th scope="row">{both(KIND[r.kind])}</th>
                  <td>{both(VALUE[r.value])}</td>
                  <td data-testid="health-count">{r.count}</td>
                  <td>{r.first}</td>
                  <td>{r.last}</td>
                  <td>{r.ways.length ? r.ways.map((w) => `#${w.i} ${tr(lang, FROM[w.from][0], FROM[w.from][1])}`).join(' · ') : tr(lang, '（无）', '(none)')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <div class="row">
        <button type="button" disabled={rows.length === 0} onClick={() => void copy()}>复制报告 / Copy report</button>
        <button type="button" disabled={rows.length === 0} onClick={() => void clear()}>清除 / Clear</button>
        <span role="status" data-testid="health-message">{message}</span>
      </div>
      {rows.length > 0 && (
        <details open={unfold || undefined}>
          <summary>{tr(lang, '报告内容', 'Report text')}</summary>
          <pre class="report" data-testid="health-report" tabIndex={0}>{report}</pre>
        </details>
      )}
    </section>
  );
}
