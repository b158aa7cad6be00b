import sniffHtmlEncoding from 'html-encoding-sniffer';

/** A saved page as text, and the encoding it was read with (a WHATWG name such as 'GBK', 'Big5', 'UTF-8'). */
export interface DecodedPage {
  text: string;
  encoding: string;
}

/**
 * Decodes a saved HTML page the way a browser does (HTML standard encoding sniffing): a BOM first, then
 * `<meta charset>`, then `<meta http-equiv="Content-Type" content="…; charset=…">` in the first 1024 bytes. GB2312
 * and GBK labels decode as GBK, GB18030 as GB18030, Big5 as Big5 (WHATWG label table). A page that declares nothing
 * is read as UTF-8: saved pages today are UTF-8, and windows-1252 (the browser default) would garble them.
 *
 * @param bytes the file's bytes
 * @throws never: bytes that are invalid in the encoding become U+FFFD
 */
export function decodeHtml(bytes: Uint8Array): DecodedPage {
  const encoding = sniffHtmlEncoding(bytes, { defaultEncoding: 'UTF-8' });
  // Node's TextDecoder (full ICU) implements every WHATWG encoding the sniffer can name.
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/**
 * A page's HTML (as the browser serialised it) as the bytes of a saved file: UTF-8 with a byte order mark, which
 * outranks the page's own `<meta charset=gbk>` left in the markup, so the saved copy opens readable.
 */
export function savedHtmlBytes(html: string): Uint8Array {
  const body = new TextEncoder().encode(html);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
