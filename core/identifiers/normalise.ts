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

/** Identifier as people type it → canonical form: half-width, upper case, no surrounding spaces. */
export function normaliseCode(input: string): string {
  return toHalfWidth(input).trim().toUpperCase();
}
