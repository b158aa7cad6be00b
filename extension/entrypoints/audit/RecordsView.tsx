import { useEffect, useState } from 'preact/hooks';
import type { AuditStore, RecordFilter } from '../../audit/db';
import { download } from './download';
import { evidenceZip } from './evidence';
import { recordsToCsv } from '../../audit/export-csv';
import { OUTCOME_LABEL } from './labels';
import type { AuditRecord } from '../../audit/record';

interface Props {
  store: AuditStore;
  /** Bumped when a record is added or changed, so the list reloads. */
  version: number;
  onOpen: (record: AuditRecord) => void;
}

const count = (r: AuditRecord, o: string) => r.findings.filter((f) => f.outcome === o).length;

/** Saved spot-checks: filter by site, outcome and date; export to CSV or JSON; import a JSON export back. */
export function RecordsView({ store, version, onOpen }: Props) {
  const [filter, setFilter] = useState<RecordFilter>({});
  const [records, setRecords] = useState<AuditRecord[]>([]);
  const [status, setStatus] = useState('');
  const [reload, setReload] = useState(0);
  const [operator, setOperator] = useState('');
  useEffect(() => { void store.list(filter).then(setRecords); }, [store, filter, version, reload]);
  const set = (k: keyof RecordFilter) => (e: Event) => setFilter({ ...filter, [k]: (e.currentTarget as HTMLInputElement).value || undefined });
  const stamp = new Date().toISOString().slice(0, 10);

  const importFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      const n = await store.importJson(await file.text());
      setStatus(`已导入 ${n} 条记录 Imported ${n} records`);
      setReload(reload + 1);
    } catch (err) {
      setStatus(`导入失败 Import failed: ${(err as Error).message}`);
    }
    input.value = '';
  };

  const exportEvidence = async () => {
    try {
      download(`xinbiao-audit-evidence-${stamp}.zip`, await evidenceZip(records, await store.exportJson(filter), operator), 'application/zip');
      setStatus(`已导出 ${records.length} 条记录的证据包 Exported an evidence folder of ${records.length} records`);
    } catch (err) {
      setStatus(`导出失败 Export failed: ${(err as Error).message}`);
    }
  };

  return (
    <section aria-labelledby="records-h">
      <h2 id="records-h">审查记录 Records</h2>
      <div class="row" role="group" aria-label="筛选 Filter">
        <label>站点 Site <input name="site" value={filter.site ?? ''} onInput={set('site')} /></label>
        <label>结果 Outcome <select name="outcome" value={filter.outcome ?? ''} onChange={set('outcome')}>
          <option value="">全部 All</option>
          {Object.entries(OUTCOME_LABEL).map(([o, l]) => <option value={o}>{l}</option>)}
        </select></label>
        <label>从 From <input type="date" name="from" value={filter.from ?? ''} onInput={set('from')} /></label>
        <label>到 To <input type="date" name="to" value={filter.to ?? ''} onInput={set('to')} /></label>
      </div>
      <div class="row">
        <button type="button" onClick={() => download(`xinbiao-audit-${stamp}.csv`, recordsToCsv(records), 'text/csv;charset=utf-8')}>导出 CSV Export CSV</button>
        <button type="button" onClick={async () => download(`xinbiao-audit-${stamp}.json`, await store.exportJson(filter), 'application/json')}>导出 JSON Export JSON</button>
        <label>执行人 Operator <input name="operator" value={operator} maxLength={200} onInput={(e) => setOperator((e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="button" onClick={() => void exportEvidence()}>导出证据包 Export evidence (ZIP)</button>
        <label>导入 JSON Import JSON <input type="file" accept="application/json,.json" name="import" onChange={importFile} /></label>
      </div>
      <p role="status" data-testid="records-status">{status}</p>
      <table>
        <caption class="sr-only">审查记录 Audit records</caption>
        <thead><tr><th>时间 Time</th><th>站点 Site</th><th>页面 Page</th><th>违规 Violations</th><th>待复核 Review</th><th /></tr></thead>
        <tbody data-testid="records">
          {records.map((r) => (
            <tr data-record={r.id}>
              <td>{r.time.replace('T', ' ').slice(0, 19)}</td>
              <td>{r.site}</td>
              <td>{r.title || r.url}</td>
              <td>{count(r, 'violation')}</td>
              <td>{count(r, 'needs-review')}</td>
              <td><button type="button" onClick={() => onOpen(r)}>查看 Open</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{`${records.length} 条 records`} · {OUTCOME_LABEL.violation}</p>
    </section>
  );
}
