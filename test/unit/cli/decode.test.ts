import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeHtml, savedHtmlBytes } from '../../../cli/decode';
import { REAL_PAGES } from '../../support/real-pages';

const bytes = (text: string, encoding: 'gbk' | 'big5') => {
  // Encoders for GBK and Big5 are not in the platform: the test text is written as its known bytes.
  const known: Record<string, number[]> = { '中文gbk': [0xd6, 0xd0, 0xce, 0xc4], '中文big5': [0xa4, 0xa4, 0xa4, 0xe5] };
  return known[text + encoding]!;
};
const page = (head: string, body: number[], bom: number[] = []) =>
  new Uint8Array([...bom, ...new TextEncoder().encode(`<html><head>${head}</head><body>`), ...body, ...new TextEncoder().encode('</body></html>')]);

describe('decodeHtml: saved pages by BOM, then <meta charset>, then http-equiv Content-Type', () => {
  it('reads the real GBK item page by its http-equiv declaration', () => {
    const r = decodeHtml(readFileSync(resolve(REAL_PAGES, 'jd-item-airmate-2015-gbk.html')));
    expect(r.encoding).toBe('GBK');
    expect(r.text).toContain('艾美特生活电器旗舰店');
  });

  it.each([
    ['<meta charset="gbk">', 'GBK'],
    ['<meta charset=GB2312>', 'GBK'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', 'GBK'],
    ['<meta charset="gb18030">', 'gb18030'],
  ])('%s → %s', (head, encoding) => {
    const r = decodeHtml(page(head, bytes('中文', 'gbk')));
    expect(r).toMatchObject({ encoding });
    expect(r.text).toContain('<body>中文</body>');
  });

  it('Big5', () => {
    expect(decodeHtml(page('<meta charset="big5">', bytes('中文', 'big5'))).text).toContain('<body>中文</body>');
  });

  it('a BOM outranks the declaration; no declaration reads UTF-8', () => {
    const utf8 = [...new TextEncoder().encode('中文')];
    expect(decodeHtml(page('<meta charset="gbk">', utf8, [0xef, 0xbb, 0xbf]))).toMatchObject({ encoding: 'UTF-8' });
    expect(decodeHtml(page('', utf8)).text).toContain('<body>中文</body>');
  });

  it("a saved copy of a GBK page's DOM opens readable despite its own meta charset", () => {
    const saved = savedHtmlBytes('<html><head><meta charset="gbk"></head><body>中文</body></html>');
    expect(decodeHtml(saved)).toMatchObject({ encoding: 'UTF-8' });
    expect(decodeHtml(saved).text).toContain('<body>中文</body>');
  });
});
