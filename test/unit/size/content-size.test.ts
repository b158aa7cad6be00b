import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('content script size (after npm run build)', () => {
  it.each(['shop', 'generic'])('%s.js ≤ 30 kB gzip', (name) => {
    const bytes = readFileSync(resolve(ROOT, `.output/chrome-mv3/content-scripts/${name}.js`));
    expect(gzipSync(bytes, { level: 9 }).length).toBeLessThanOrEqual(30 * 1024);
  });
});
