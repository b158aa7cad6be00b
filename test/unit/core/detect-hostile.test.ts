import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { detect } from '../../../core/detect';

const html = readFileSync(join(import.meta.dirname, '../../fixtures/pages/hostile.html'), 'utf8');
const SHOP = { uscc: '91990000MA59K7H27C', name: '<script>alert(document.cookie)</script>广州特价贸易有限公司' };

describe('detect on hostile pages', () => {
  it('returns script payloads in names as plain strings and creates no elements', () => {
    const doc = new JSDOM(html).window.document;
    const before = doc.getElementsByTagName('*').length;
    const r = detect(doc);
    expect(r.subjects).toHaveLength(1);
    expect(r.subjects[0]).toMatchObject({ ...SHOP, source: 'label', checksum: 'ok' });
    expect(typeof r.subjects[0]!.name).toBe('string');
    expect(doc.getElementsByTagName('*').length).toBe(before);
    expect(doc.getElementsByTagName('script')).toHaveLength(1);
  });

  it('survives the page’s own prototype patches (querySelector, textContent, TreeWalker) with the same findings', () => {
    const dom = new JSDOM(html, { runScripts: 'dangerously' });
    const doc = dom.window.document;
    expect(() => doc.createTreeWalker(doc.body).nextNode()).toThrow(/patched/);
    expect(() => doc.body.querySelectorAll('b')).toThrow(/patched/);
    expect(doc.body.textContent).toMatch(/91110108MA01712M9L/);
    const r = detect(doc);
    expect(r.subjects.map((s) => ({ uscc: s.uscc, name: s.name }))).toEqual([SHOP]);
    dom.window.close();
  });

  it('falls back to guarded reads when nodeValue, getAttribute and localName throw', () => {
    const dom = new JSDOM(html);
    const w = dom.window;
    const boom = () => { throw new Error('patched'); };
    Object.defineProperty(w.Node.prototype, 'nodeValue', { get: boom, configurable: true });
    Object.defineProperty(w.Element.prototype, 'localName', { get: boom, configurable: true });
    w.Element.prototype.getAttribute = boom;
    const r = detect(w.document);
    expect(r.subjects.map((s) => s.uscc)).toEqual([SHOP.uscc]);
  });

  it('never throws, whatever the page breaks', () => {
    const dom = new JSDOM(html);
    const w = dom.window;
    const boom = () => { throw new Error('patched'); };
    for (const key of ['firstChild', 'nextSibling', 'parentNode', 'nodeType', 'nodeValue']) {
      Object.defineProperty(w.Node.prototype, key, { get: boom, configurable: true });
    }
    w.Document.prototype.createTreeWalker = boom;
    expect(detect(w.document)).toEqual({ subjects: [], marks: [], queryWindows: [], fields: [], cues: [], shopName: null });
  });

  it('stops a walker that never ends', () => {
    const dom = new JSDOM(html);
    const w = dom.window;
    const body = w.document.body;
    w.Document.prototype.createTreeWalker = () => ({ nextNode: () => body }) as unknown as TreeWalker;
    const r = detect(w.document);
    expect(r.subjects.map((s) => s.uscc)).toEqual([SHOP.uscc]);
  });
});
