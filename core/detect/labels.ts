import { normaliseCode, parseRegNo15, parseUscc, stripInvisible, toHalfWidth, USCC_SHAPE } from '../identifiers';

const byLength = (a: string, b: string) => b.length - a.length;

// Labels platforms put before the operator's code; the label does not tell the format, the value does.
export const CODE_LABELS = [
  '统一社会信用代码', '社会信用代码', '信用代码', '营业执照注册号', '企业执照注册号', '执照注册号', '企业注册号',
  '工商注册号', '营业执照号码', '营业执照号', '注册号',
];
// 名称 is the business licence's own field label (营业执照: 名称 / 类型 / 住所 …).
export const NAME_LABELS = ['企业名称', '公司名称', '经营者名称', '经营主体名称', '主体名称', '单位名称', '名称'];
// Other licence fields: a name glued to the next field ends where one of these begins.
export const STOP_LABELS = [
  '类型', '企业类型', '住所', '企业地址', '地址', '法定代表人', '法人代表', '负责人', '经营者', '成立时间', '成立日期',
  '注册资本', '登记机关', '营业期限', '经营范围', '联系电话', '电话', '核准日期', '登记状态', '店铺名称', '所在地',
];

// Hover titles that carry licence text (JD item pages' shop link, Guangdong 红盾 links) hold one of these.
const TITLE_WORDS = ['注册号', '信用代码', '企业名称'];

/** Whether a link's title may hold licence text. */
export const titleMayHoldLicence = (title: string): boolean => TITLE_WORDS.some((w) => title.includes(w));

/**
 * Words the audit rules look for in page text, by what they tell (docs/audit.md). They live with the labels so the
 * page has one vocabulary; detection reports where each appears when asked (`DetectOptions.cues`).
 */
export const TEXT_CUES = {
  /** The page shows or links to the operator's licence. */
  licence: ['营业执照', '商家公示信息', '经营者资质', '亮照'],
  /** An identity verification mark (身份核验标识). */
  identityMark: ['身份核验', '实名认证', '身份已验证', '已实名'],
  /** A credit level (信用等级), e.g. 纳税信用 A 级. */
  creditLevel: ['信用等级', '纳税信用', '信用评级'],
  /** An individual seller's self-declaration that it need not register (电子商务法 第十条). */
  selfDeclaration: ['无需登记', '无需办理登记', '无需市场主体登记', '无需办理市场主体登记', '免于登记', '不需要办理市场主体登记', '自我声明'],
  /** A risk warning about a seriously dishonest operator. */
  riskWarning: ['风险提示', '严重失信', '失信警示'],
  /** The page says its operator is an individual seller. */
  individualSeller: ['个人卖家', '个人店铺', '个人网店'],
  /** Words of a shop or item page (the page kind when nothing else tells). */
  shopPage: ['进入店铺', '进店逛逛', '关注店铺', '店铺首页', '加入购物车', '立即购买', '联系客服', '掌柜'],
} as const satisfies Record<string, readonly string[]>;

/** What a text cue tells about the page. */
export type CueKind = keyof typeof TEXT_CUES;

const CUE_KIND = new Map<string, CueKind>(Object.entries(TEXT_CUES).flatMap(([k, words]) => words.map((w) => [w, k as CueKind] as const)));
const CUE = new RegExp([...CUE_KIND.keys()].sort(byLength).join('|'), 'g');
// Far more than any rule reads: a page repeating a word thousands of times cannot make detection slow.
const MAX_CUES = 200;

/** One place a cue word appears in text. */
export interface TextCue {
  kind: CueKind;
  word: string;
  /** Offsets of the word in the scanned text. */
  start: number;
  end: number;
}

/** Cue words in text, in order (at most 200). */
export function textCues(text: string): TextCue[] {
  const out: TextCue[] = [];
  CUE.lastIndex = 0;
  for (let m = CUE.exec(text); m && out.length < MAX_CUES; m = CUE.exec(text)) {
    out.push({ kind: CUE_KIND.get(m[0])!, word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Filing and licence numbers a page writes as text (京ICP备16017121号-1, 京公网安备11010502025545号, 粤B2-20160023),
 * by the mark kind of core/data/marks they stand for. Each opens with a province's one-character abbreviation; an
 * `anchor` is a literal every match contains, so a search for the anchors finds every place a number can start.
 * The 增值电信业务经营许可证 is written ICP证 as often as B2-: an ICP证 number counts as the site's ICP number.
 */
export const TEXT_MARKS = [
  // ICP备 (filing) and ICP证 (licence) numbers, with an optional -n site suffix.
  { kind: 'icp', anchors: ['ICP', 'icp'], number: '(?:ICP|icp)\\s*[备證证]\\s*DIGITS\\s*号?(?:-\\d+)?' },
  // The 14-digit record number of 公安机关互联网站安全备案, written 公网安备 (and 公安网备 / 公安备 on older footers).
  { kind: 'police-beian', anchors: ['安备', '网备'], number: '(?:公网安备|公安网备|公安备)\\s*(?:DIGIT){14}\\s*号?' },
  { kind: 'telecom-licence', anchors: ['B1-', 'B2-'], number: 'B[12]-DIGITS' },
] as const;

/** The mark kinds a text number can have. */
export type TextMarkKind = (typeof TEXT_MARKS)[number]['kind'];

// Province-level abbreviations that open the numbers (京 沪 粤 …, with the alternative 冀 / 蜀 / 黔 / 滇 / 秦 / 陇 forms).
const PROVINCE_ABBREVIATIONS = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕秦甘陇青宁新';
// A digit, full-width too, with any invisible characters a page slipped in before it (normalised away in the serial).
const DIGIT = '[\\p{Default_Ignorable_Code_Point}\\p{Bidi_Control}]*[0-9０-９]';
const textMarkPattern = (number: string) =>
  new RegExp(`[${PROVINCE_ABBREVIATIONS}]\\s*${number.replace('DIGITS', `(?:${DIGIT})+`).replace(/DIGIT(?!S)/g, DIGIT)}`, 'gu');
const TEXT_MARK_PATTERNS = TEXT_MARKS.map((m) => ({ kind: m.kind as TextMarkKind, re: textMarkPattern(m.number) }));

/**
 * Words that open a copyright line (© 2024 …, Copyright …, … 版权所有): a company name on such a line, or on a line
 * with a filing number, is how many sites name who runs them.
 */
export const COPYRIGHT_WORDS = ['©', 'Copyright', 'copyright', '版权所有'];
/** Legal-form endings of a company name (企业名称 ends in its form: 有限公司, 有限责任公司 …). */
export const COMPANY_SUFFIXES = ['有限公司', '有限责任公司', '股份公司', '集团公司'];
/** Who built or serves the site, not who runs it: a company name right after one of these is not the operator. */
export const NOT_OPERATOR_LEADS = ['技术支持', '技术服务', '提供技术', '网站建设', '建设', '设计', '制作', '开发', '维护', '支持', 'Powered by', 'powered by'];

/**
 * Literals the quick read of the page looks for besides labels and digits: every text number and copyright word
 * contains one, so the quick read finds the same numbers and names as the full walk.
 */
export const TEXT_MARK_ANCHORS: readonly string[] = [...new Set([...TEXT_MARKS.flatMap((m) => m.anchors), ...COPYRIGHT_WORDS])];

/** A filing or licence number written in text. */
export interface TextMark {
  kind: TextMarkKind;
  /** The number as written, without spaces and invisible characters, half-width digits (京ICP证070791号). */
  serial: string;
  /** Offsets of the number in the scanned text. */
  start: number;
  end: number;
}

// Far more than any footer shows: a page repeating numbers cannot make detection slow.
const MAX_TEXT_MARKS = 50;

/** Filing and licence numbers in text (TEXT_MARKS), in text order; an ICP line's telecom licence is reported too. */
export function textMarks(text: string): TextMark[] {
  const out: TextMark[] = [];
  for (const { kind, re } of TEXT_MARK_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m && out.length < MAX_TEXT_MARKS; m = re.exec(text)) {
      out.push({ kind, serial: toHalfWidth(stripInvisible(m[0])).replace(/\s+/g, ''), start: m.index, end: m.index + m[0].length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The first number of a kind in text (a link's text), as `textMarks` reads it. */
export function firstTextMark(text: string, kind: TextMarkKind): string | null {
  return textMarks(text).find((m) => m.kind === kind)?.serial ?? null;
}

// A company name on a copyright line lies within this many characters of the © word or filing number.
const LINE_REACH = 80;
const MAX_COMPANY_NAME = 60;
// Characters of a company name: Chinese, Latin letters and digits, brackets around a place (安彼迎网络（北京）有限公司).
const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9（）()·&\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/u;
const HAN = /\p{Script=Han}/u;

/** A company name near a copyright word or filing number. */
export interface CopyrightName {
  name: string;
  start: number;
  end: number;
  /**
   * Offset of the copyright word or number it stands by: the caller checks both sit on one line (block element).
   * A name near several is listed once with each.
   */
  anchor: number;
}

/**
 * Company names (ending in a legal form, COMPANY_SUFFIXES) written near a copyright word or a filing number:
 * `© 2020 清远市汇业科技有限公司`, `步步高教育电子有限公司 粤ICP备05094317号-6`; not a name introduced as the site's
 * builder (技术支持：…). A weak reading: anyone can write any name there; detection never lets it outrank a labelled
 * or carried one.
 *
 * @param text page text
 * @param marks the filing numbers found in it (`textMarks`)
 */
export function copyrightNames(text: string, marks: readonly TextMark[]): CopyrightName[] {
  const anchors: { start: number; end: number }[] = marks.map((m) => ({ start: m.start, end: m.end }));
  for (const w of COPYRIGHT_WORDS) for (let i = text.indexOf(w); i >= 0 && anchors.length < 200; i = text.indexOf(w, i + w.length)) anchors.push({ start: i, end: i + w.length });
  const out: CopyrightName[] = [];
  for (const a of anchors) {
    const from = Math.max(0, a.start - LINE_REACH - MAX_COMPANY_NAME);
    const around = text.slice(from, a.end + LINE_REACH + MAX_COMPANY_NAME);
    for (const suffix of COMPANY_SUFFIXES) {
      for (let i = around.indexOf(suffix); i >= 0; i = around.indexOf(suffix, i + suffix.length)) {
        const found = companyNameEndingAt(text, from + i + suffix.length, from);
        if (!found) continue;
        const gap = found.end <= a.start ? a.start - found.end : found.start - a.end;
        if (gap >= 0 && gap <= LINE_REACH) out.push({ ...found, anchor: a.start });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || a.anchor - b.anchor);
}

/** The company name whose legal form ends at `end`, read back to where the name characters stop; null when it is no name. */
function companyNameEndingAt(text: string, end: number, from: number): Omit<CopyrightName, 'anchor'> | null {
  // A name running on (有限公司北京分公司, 有限公司提供技术支持) is a branch or a sentence, not an operator's name.
  const after = text.slice(end, end + 4);
  if (end < text.length && HAN.test(text[end]!) && !after.startsWith('版权所有')) return null;
  let start = end;
  while (start > from && end - start < MAX_COMPANY_NAME && NAME_CHAR.test(text[start - 1]!)) start--;
  let name = text.slice(start, end);
  // Years and copyright words glued to the name (©2020清远市…, 版权所有北京…) are not part of it.
  for (let again = true; again; ) {
    again = false;
    const digits = /^[0-9\s-]+/.exec(name)?.[0].length ?? 0;
    if (digits) (name = name.slice(digits)), (start += digits), (again = true);
    const word = COPYRIGHT_WORDS.find((w) => name.startsWith(w));
    if (word) (name = name.slice(word.length)), (start += word.length), (again = true);
  }
  const clean = stripInvisible(name);
  if (!COMPANY_SUFFIXES.some((s) => clean.endsWith(s) && [...clean.slice(0, -s.length)].filter((c) => HAN.test(c)).length >= 2)) return null;
  const before = text.slice(Math.max(0, start - 16), start).replace(/[\s:：]+$/, '');
  if (NOT_OPERATOR_LEADS.some((w) => before.endsWith(w))) return null;
  return { name: clean, start, end };
}

/** The labels that hold no shorter label: text without any of them has no labelled field. */
export const LABEL_ANCHORS = [...CODE_LABELS, ...NAME_LABELS].filter((l, _, all) => !all.some((o) => o !== l && l.includes(o)));

const alt = (labels: string[]) => [...labels].sort(byLength).join('|');
const NAME_SET = new Set(NAME_LABELS);
// A label, an optional bracketed note such as （统一社会信用代码）, then spaces and half- or full-width colons.
const LABEL = new RegExp(`(${alt([...CODE_LABELS, ...NAME_LABELS])})((?:[ \\t]*[（(][^()（）\\n]{1,12}[)）])?)([\\s:：]*)`, 'g');
// Letters (Chinese included) and digits: a label glued to one of these on either side is part of a sentence.
const WORD_CHAR = /[\p{L}\p{N}]/u;
const ANY_LABEL = new RegExp(alt([...CODE_LABELS, ...NAME_LABELS, ...STOP_LABELS]));
// Invisible characters (U+200B, U+2060, bidi controls…) inside a value belong to it: normaliseCode/normaliseName drop them.
const CODE_VALUE = /(?:[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]|\p{Default_Ignorable_Code_Point}|\p{Bidi_Control}){9,80}/uy;
const NAME_VALUE = /(?:[^\s:：|｜,，;；、]|\p{Default_Ignorable_Code_Point}|\p{Bidi_Control}){2,120}/uy;
const BARE = new RegExp(`(?<![0-9A-Za-z])${USCC_SHAPE}(?![0-9A-Za-z])`, 'g');

/** One labelled value found in text. */
export interface LabelledField {
  field: 'code' | 'name';
  label: string;
  value: string;
  /** Offsets of the value in the scanned text. */
  start: number;
  end: number;
  /** Codes only: which identifier and whether its check passes. */
  kind?: 'uscc' | 'regno15';
  checksum?: 'ok' | 'mismatch';
}

/**
 * Labelled codes and names in text, in order. Codes that are not a USCC or 15-digit 注册号 shape are dropped.
 * A label counts only where it is used as one (see `standsAsLabel`), never inside a sentence.
 *
 * @param text page text or an attribute's text
 * @param nodeStarts offsets in `text` where text nodes start, ascending: a label whose text node ends where
 *   the value's begins stands alone in its own element
 */
export function labelledFields(text: string, nodeStarts: readonly number[] = []): LabelledField[] {
  const out: LabelledField[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    const label = m[1]!;
    const at = LABEL.lastIndex;
    const isCode = !NAME_SET.has(label);
    // The bare 名称 is a label only on its own: 产品名称 / 商品名称 / 店铺名称 are other fields.
    if (label === '名称' && m.index > 0 && WORD_CHAR.test(text[m.index - 1]!)) continue;
    if (!standsAsLabel(text, m.index, m.index + label.length + m[2]!.length, m[3]!, isCode, nodeStarts)) continue;
    if (!isCode) {
      NAME_VALUE.lastIndex = at;
      const v = NAME_VALUE.exec(text);
      const name = v ? cleanName(v[0]) : '';
      if (name) out.push({ field: 'name', label, value: name, start: at, end: at + name.length });
    } else {
      CODE_VALUE.lastIndex = at;
      const v = CODE_VALUE.exec(text);
      const code = v ? readCode(v[0]) : null;
      if (code) out.push({ field: 'code', label, value: code.code, start: at, end: at + v![0].length, kind: code.kind, checksum: code.checksum });
    }
  }
  return out;
}

/**
 * A label is one when a colon follows it (after spaces), or when it stands alone as a word: nothing but the start
 * of the text, a space, a line break or punctuation before it, and a space, a line break or the end of its text
 * node (the value sits in the next element) after it. A code label may also run straight into the code's letters
 * and digits (统一社会信用代码91990000MA2H7Q013E): a code is never prose. So 企业名称 in "除企业名称通过认证之外"
 * or "企业名称变更后…" is not a label.
 */
function standsAsLabel(text: string, start: number, end: number, separators: string, code: boolean, nodeStarts: readonly number[]): boolean {
  if (separators.includes(':') || separators.includes('：')) return true;
  if (code && separators === '' && end < text.length && /[0-9A-Za-z\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/.test(text[end]!)) return true;
  if (start > 0 && WORD_CHAR.test(text[start - 1]!)) return false;
  return separators !== '' || end === text.length || startsNode(nodeStarts, end);
}

/** Whether a text node starts at this offset (binary search over ascending starts). */
function startsNode(starts: readonly number[], offset: number): boolean {
  let lo = 0, hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = starts[mid]!;
    if (s === offset) return true;
    if (s < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

function readCode(raw: string): { code: string; kind: 'uscc' | 'regno15'; checksum: 'ok' | 'mismatch' } | null {
  const s = normaliseCode(raw);
  if (s.length === 18) {
    const r = parseUscc(s);
    return r.checksum === 'n/a' ? null : { code: r.code, kind: 'uscc', checksum: r.checksum };
  }
  if (s.length === 15) {
    const r = parseRegNo15(s);
    return r.checksum === 'n/a' ? null : { code: r.code, kind: 'regno15', checksum: r.checksum };
  }
  return null;
}

/** A name value cut where the next licence field starts, without placeholder text. */
function cleanName(raw: string): string {
  const cut = ANY_LABEL.exec(raw);
  const name = (cut ? raw.slice(0, cut.index) : raw).replace(/[。.．]+$/, '');
  return name.length >= 2 && !/^(暂无|无|空|未填写|请输入|-+|\*+)$/.test(name) ? name : '';
}

/** Bare USCC-shaped tokens in text that pass the check, with their offsets. */
export function bareCodes(text: string): { code: string; start: number; end: number }[] {
  const out: { code: string; start: number; end: number }[] = [];
  BARE.lastIndex = 0;
  for (let m = BARE.exec(text); m; m = BARE.exec(text)) {
    if (parseUscc(m[0]).valid) out.push({ code: m[0], start: m.index, end: m.index + 18 });
  }
  return out;
}
