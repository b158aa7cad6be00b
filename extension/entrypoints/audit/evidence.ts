import { browser } from '#imports';
import JSZip from 'jszip';
import { AUDIT_RULES, buildManifest, chinaTime, ruleSetInfo, type ManifestFile } from '../../../core/audit';
import { sha256Hex } from '../../../core/crypto';
import { ListStore } from '../../../core/lists';
import { trustList } from '../../background/trust';
import type { AuditRecord } from '../../audit/record';

/** run.json of an extension export: the same run record fields the command line keeps, for the records exported. */
export interface ExtensionRun {
  format: 'xinbiao-audit-run/1';
  tool: { name: 'xinbiao-extension'; version: string };
  ruleSet: { version: string; sha256: string };
  /** Each rule's legal basis, so a finding in records.json reads on its own. */
  bases: Record<string, readonly string[]>;
  trust: { version: number; issued: string; expires: string };
  lists: { id: string; version: number; kind: string; publisher: string; sha256: string }[];
  operator?: string;
  /** China time of the first and last record exported, and of the export. */
  startedAt?: string;
  finishedAt?: string;
  exportedAt: string;
  records: number;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** A PNG data URL's bytes. */
function pngBytes(dataUrl: string): Uint8Array {
  const b64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/**
 * The records as an evidence folder, zipped: run.json (tool and rule-set versions, trust list and lists used with their
 * digests, operator, China times), records.json (the JSON export), pages/<id>/page.html and screenshot.png, and
 * manifest.json with every file's SHA-256, which `xinbiao audit verify` checks once the zip is unpacked.
 */
export async function evidenceZip(records: readonly AuditRecord[], exportJson: string, operator: string): Promise<Blob> {
  const trust = await trustList();
  const lists = await ListStore.open(indexedDB).then((s) => s.lists()).catch(() => []);
  const times = records.map((r) => Date.parse(r.time)).filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
  const run: ExtensionRun = {
    format: 'xinbiao-audit-run/1',
    tool: { name: 'xinbiao-extension', version: browser.runtime.getManifest().version },
    ruleSet: ruleSetInfo(),
    bases: Object.fromEntries(AUDIT_RULES.map((r) => [r.id, r.basis])),
    trust: { version: trust.version, issued: trust.issued, expires: trust.expires },
    lists: lists.map((l) => ({ id: l.id, version: l.version, kind: l.kind, publisher: l.publisher.id, sha256: l.sha256 })),
    ...(operator.trim() ? { operator: operator.trim().slice(0, 200) } : {}),
    ...(times.length ? { startedAt: chinaTime(times[0]!), finishedAt: chinaTime(times.at(-1)!) } : {}),
    exportedAt: chinaTime(Date.now()),
    records: records.length,
  };
  const files: [string, Uint8Array][] = [['run.json', utf8(`${JSON.stringify(run, null, 2)}\n`)], ['records.json', utf8(exportJson)]];
  for (const r of records) {
    files.push([`pages/${r.id}/page.html`, utf8(r.html)]);
    if (r.screenshot) files.push([`pages/${r.id}/screenshot.png`, pngBytes(r.screenshot)]);
  }
  const listed: ManifestFile[] = files.map(([path, bytes]) => ({ path, sha256: sha256Hex(bytes), size: bytes.length }));
  const zip = new JSZip();
  for (const [path, bytes] of files) zip.file(path, bytes);
  zip.file('manifest.json', `${JSON.stringify(buildManifest(crypto.randomUUID(), run.exportedAt, listed), null, 2)}\n`);
  return zip.generateAsync({ type: 'blob', compression: 'DEFLATE' });
}
