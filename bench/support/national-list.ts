// A deterministic synthetic national 经营异常名录 for the 10-million-entry benchmarks: entry i is a pure function of
// i, so the list is written streaming (never all in memory), cached under the temp dir, and its churned next
// edition is known without reading it back.
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { completeUscc } from '../../core/identifiers';
import { orgCodeCheckChar } from '../../core/identifiers';
import type { PrivateJwk } from '../../core/crypto';
import type { PackManifest } from '../../core/lists';
import type { ListHeader, ListLine } from '../../core/lists';
import { writePack } from '../../cli/commands/list-pack';

export const KEY_PATH = resolve(import.meta.dirname, '../../samples/keys/demo-credit-office-2026.private.jwk.json');
const ORG = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_SPACE = 31 ** 6;
// Provinces with a few of their cities: region codes and authorities agree with the names.
const PLACES: Array<[code: string, cities: string[]]> = [
  ['11', ['北京']], ['12', ['天津']], ['13', ['石家庄', '保定', '唐山']], ['14', ['太原', '大同']], ['21', ['沈阳', '大连']],
  ['31', ['上海']], ['32', ['南京', '苏州', '无锡']], ['33', ['杭州', '宁波', '温州', '金华']], ['34', ['合肥', '芜湖']],
  ['35', ['福州', '厦门', '泉州']], ['36', ['南昌', '赣州']], ['37', ['济南', '青岛', '临沂']], ['41', ['郑州', '洛阳']],
  ['42', ['武汉', '宜昌']], ['43', ['长沙', '株洲']], ['44', ['广州', '深圳', '东莞', '佛山']], ['45', ['南宁', '柳州']],
  ['50', ['重庆']], ['51', ['成都', '绵阳']], ['52', ['贵阳']], ['53', ['昆明']], ['61', ['西安']], ['65', ['乌鲁木齐']],
];
const TRADE = '鑫华盛达泰隆恒兴宏昌瑞丰祥和旺顺安康佳美嘉禾博远志诚信德润泽汇通金源海天晨光星辰云飞锦绣乐购优品';
const LINES = ['电子商务', '商贸', '贸易', '科技', '服饰', '食品', '日用品', '网络科技', '供应链管理', '母婴用品', '家居用品', '农产品'];
const SHOPS = ['便利店', '网店', '服装店', '百货商行', '食品商行', '日杂店'];
// 《企业经营异常名录管理暂行办法》第四条 的四种列入情形.
const REASONS = [
  '未按照《企业信息公示暂行条例》第八条规定的期限公示年度报告',
  '通过登记的住所或者经营场所无法联系',
  '公示企业信息隐瞒真实情况、弄虚作假',
  '未在市场监督管理部门依照《企业信息公示暂行条例》第十条规定责令的期限内公示有关企业信息',
];

/** 32-bit integer hash (lowbias32): entry fields are functions of the index, not of a running generator. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Entry `i` of the synthetic list: a unique USCC (an affine permutation of the organization code space), a name, a reason. */
export function nationalEntry(i: number): ListLine {
  const h = mix(i), g = mix(i ^ 0x5bd1e995);
  const [prov, cities] = PLACES[h % PLACES.length]!;
  const city = cities[(h >>> 8) % cities.length]!;
  const cat = h % 10 < 7 ? '91' : h % 10 < 9 ? '92' : '93';
  const region = `${prov}${String(1 + ((h >>> 12) % 20)).padStart(2, '0')}${String(1 + ((h >>> 17) % 30)).padStart(2, '0')}`;
  let p = (i * 387_420_489 + 12_345) % ORG_SPACE; // 9^9 is prime to 31^6: a bijection on the code space
  let body = '';
  for (let k = 0; k < 6; k++, p = Math.floor(p / 31)) body = ORG[p % 31] + body;
  body = `MA${body}`;
  const uscc = completeUscc(cat + region + body + orgCodeCheckChar(body)!);
  const trade = TRADE[g % TRADE.length]! + TRADE[(g >>> 7) % TRADE.length]! + (g % 3 === 0 ? TRADE[(g >>> 14) % TRADE.length]! : '');
  const name = cat === '92' ? `${city}市${trade}${SHOPS[(g >>> 20) % SHOPS.length]}` : `${city}${trade}${LINES[(g >>> 20) % LINES.length]}有限公司`;
  const day = 1 + (g % 2400); // since 2019-12-03 or later
  const since = new Date(Date.UTC(2019, 11, 2) + day * 86_400_000).toISOString().slice(0, 10);
  return { uscc, name, reason: REASONS[(g >>> 26) % REASONS.length]!, authority: `${city}市市场监督管理局`, since } as ListLine;
}

/** The churn of edition 2: every 400th entry is removed and as many new ones added (0.25% + 0.25% = 0.5% of the list). */
export function churn(n: number): { removed: number[]; added: number[] } {
  const removed: number[] = [];
  for (let i = 7; i < n; i += 400) removed.push(i);
  return { removed, added: removed.map((_, k) => n + k) };
}

export function nationalHeader(n: number, version = 1): ListHeader {
  return {
    format: 'xinbiao-list/1', id: 'national-abnormal', name: '经营异常名录（合成数据）', publisher: { id: 'demo-credit-office', name: '示例信用办' },
    kind: 'abnormal', version, issued: '2026-11-01T00:00:00+08:00', expires: '2027-11-01T00:00:00+08:00', keyId: 'demo-credit-office-2026', count: n,
  };
}

export interface NationalFiles {
  dir: string;
  ndjson: string;
  /** Folder holding the packed form (`national-abnormal.pack.json` and its files). */
  packDir: string;
  manifest: PackManifest;
}

/**
 * The n-entry list and its pack, built once and cached under the temp dir: `ndjson.json` marks a finished list,
 * `done.json` a finished pack, so a pack interrupted (or redone after a packer change) does not write the list again.
 * Writing streams in 4 MB chunks; packing goes through the same code as `xinbiao list pack`.
 */
export async function nationalFiles(n: number, log: (s: string) => void = () => {}): Promise<NationalFiles> {
  const dir = nationalDir(n);
  const ndjson = join(dir, 'national-abnormal.ndjson');
  const packDir = join(dir, 'pack');
  const done = join(dir, 'done.json');
  if (existsSync(done)) return { dir, ndjson, packDir, manifest: JSON.parse(await readFile(join(packDir, 'national-abnormal.pack.json'), 'utf8')) };
  await writeNational(n, log);
  await rm(packDir, { recursive: true, force: true });
  await mkdir(packDir, { recursive: true });
  const key = JSON.parse(await readFile(KEY_PATH, 'utf8')) as PrivateJwk;
  const t1 = Date.now();
  const { manifest } = await writePack(() => createReadStream(ndjson, { highWaterMark: 1 << 20 }), 'national-abnormal', packDir, key, { now: Date.now });
  log(`national list: packed in ${((Date.now() - t1) / 1000).toFixed(0)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  await writeFile(done, JSON.stringify({ n, at: new Date().toISOString() }));
  return { dir, ndjson, packDir, manifest };
}

const nationalDir = (n: number): string => join(tmpdir(), `xinbiao-national-${n}-v1`);

/** Writes the n-entry NDJSON (returns its path) unless a finished one, marked by `ndjson.json`, is there already. */
export async function writeNational(n: number, log: (s: string) => void = () => {}): Promise<string> {
  const dir = nationalDir(n);
  const ndjson = join(dir, 'national-abnormal.ndjson');
  const mark = join(dir, 'ndjson.json');
  if (existsSync(mark)) return ndjson;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const t0 = Date.now();
  const out = createWriteStream(ndjson);
  let chunk = `${JSON.stringify(nationalHeader(n))}\n`;
  for (let i = 0; i < n; i++) {
    chunk += `${JSON.stringify(nationalEntry(i))}\n`;
    if (chunk.length > 4 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  await writeFile(mark, JSON.stringify({ n }));
  log(`national list: ${n} entries written in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return ndjson;
}
