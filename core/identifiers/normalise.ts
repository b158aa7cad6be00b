/**
 * Characters that render as nothing or only steer direction: every Unicode default-ignorable code point (ZWSP U+200B,
 * ZWJ U+200D, word joiner U+2060, soft hyphen U+00AD, BOM U+FEFF, variation selectors, tag characters U+E0000–E007F…)
 * and every bidi control (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C). From the Unicode properties, not a hand
 * list, so a new Unicode version cannot add a gap. A name or code is matched only after they are removed.
 */
export const INVISIBLE = /\p{Default_Ignorable_Code_Point}|\p{Bidi_Control}/gu;

/**
 * What a name a person reads must not hold, as the body of a character class for patterns with the `u` flag: INVISIBLE,
 * the control characters (C0, DEL, C1), every format character (interlinear annotation U+FFF9–FFFB, which hides the
 * text it marks; Arabic number signs U+0600–0605, which draw the digits after them…), the line and paragraph
 * separators (a second line that reads as a label of its own), enclosing marks (U+20DD–20E4, U+0489…, drawn around
 * and across the characters beside them: a circle, a prohibition sign over 正品), lone surrogates and noncharacters.
 */
export const UNSEEN_CLASS = '\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Me}\\p{Cs}\\p{Noncharacter_Code_Point}\\p{Default_Ignorable_Code_Point}\\p{Bidi_Control}';

const UNSEEN = /* @__PURE__ */ new RegExp(`[${UNSEEN_CLASS}]`, 'gu');

/** The text without any character UNSEEN_CLASS names: a published name as a person reads it (a list's subject name). */
export const stripUnseen = (input: string): string => input.replace(UNSEEN, '');

/** The text without invisible characters (see INVISIBLE). */
export const stripInvisible = (input: string): string => input.replace(INVISIBLE, '');

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space fold to their half-width forms. */
export function toHalfWidth(input: string): string {
  let out = '';
  for (const ch of input) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Identifier as people type it (or a page hides it) → canonical form: no invisible characters, half-width, upper case, no surrounding spaces. */
export function normaliseCode(input: string): string {
  return toHalfWidth(stripInvisible(input)).trim().toUpperCase();
}

// Brackets people and registries use interchangeably in company names.
const OPEN = /[「『【〔［\[（(]/g;
const CLOSE = /[」』】〕］\]）)]/g;

/**
 * A company name as a lookup key: no invisible characters, NFKC, half-width, one bracket style `()`, no spaces or
 * dots between words, lower case. `杭州某某（电子）商务 有限公司`, `杭州某某(电子)商务有限公司` and the same with a
 * U+200D inside give the same key. The one name normalisation of the kit: lists, pages, marks and the audit use it.
 */
export function normaliseName(name: string): string {
  return toHalfWidth(stripInvisible(name).normalize('NFKC')).replace(OPEN, '(').replace(CLOSE, ')').replace(/[\s\u00a0·・.]+/g, '').toLowerCase();
}

/** Two ways of writing one company name (widths, brackets, spaces, invisible characters) count as the same name. */
export const sameName = (a: string, b: string): boolean => normaliseName(a) === normaliseName(b);
