import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../../..');
const gzipKb = (name: string) => gzipSync(readFileSync(resolve(ROOT, `.output/chrome-mv3/content-scripts/${name}.js`)), { level: 9 }).length / 1024;

describe('content script size (after npm run build)', () => {
  // The small first part, injected on every matched page (shop) and, once allowed, on every site (generic).
  it.each(['shop', 'generic'])('%s.js (first part) ≤ 3 kB gzip', (name) => {
    expect(gzipKb(name)).toBeLessThanOrEqual(3);
  });

  // Detection, messaging and the badge UI, injected only where a shop may be.
  it('page.js (detection and badge) ≤ 30 kB gzip', () => {
    expect(gzipKb('page')).toBeLessThanOrEqual(30);
  });

  it('the manifest injects only the first part, and only on listed pages', () => {
    const m = JSON.parse(readFileSync(resolve(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8'));
    expect(m.content_scripts.map((c: { js: string[] }) => c.js)).toEqual([['content-scripts/shop.js']]);
    expect(m.content_scripts[0].matches).not.toContain('http://127.0.0.1/*');
    expect(m.content_scripts[0].matches).toContain('http://127.0.0.1/sites/jd/*');
    expect(m.permissions).toContain('scripting');
  });
});
