import { normaliseCode, parseRegNo15, parseUscc } from '../identifiers';

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
const BARE = /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g;

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
