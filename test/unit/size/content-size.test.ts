import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../../..');
const gzipKb = (file: string) => gzipSync(readFileSync(resolve(ROOT, '.output/chrome-mv3', file)), { level: 9 }).length / 1024;

describe('content script size (after npm run build)', () => {
  // The small first part, injected on every matched page (shop) and, once allowed, on every site (generic).
  it.each(['shop.js', 'generic.js'])('%s (first part) ≤ 3 kB gzip', (file) => {
    expect(gzipKb(file)).toBeLessThanOrEqual(3);
  });

  // Detection, messaging and the answer's validation, injected only where a shop may be; the badge UI (Preact, badge,
  // licence card) only when there is a subject to draw.
  it.each(['page.js', 'badge.js'])('%s ≤ 30 kB gzip', (file) => {
    expect(gzipKb(file)).toBeLessThanOrEqual(30);
  });

  it('the manifest injects only the first part, and only on listed pages', () => {
    const m = JSON.parse(readFileSync(resolve(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8'));
    expect(m.content_scripts.map((c: { js: string[] }) => c.js)).toEqual([['shop.js']]);
    expect(m.content_scripts[0].matches).not.toContain('http://127.0.0.1/*');
    expect(m.content_scripts[0].matches).toContain('http://127.0.0.1/sites/jd/*');
    expect(m.permissions).toContain('scripting');
  });
});
