import { mulberry32, sample, seedOf } from '../../../cli/audit/sample';
import { toTarget } from '../../../cli/audit/inputs';
import { mapPool } from '../../../cli/audit/pool';
import { isCdpEndpoint } from '../../../cli/audit/browser';

const items = Array.from({ length: 100 }, (_, i) => `page-${i}`);

describe('seeded sampling', () => {
  it('mulberry32 stays the same generator (pinned: changing it would change every documented sample)', () => {
    const r = mulberry32(1);
    expect([r(), r(), r()].map((x) => x.toFixed(10))).toEqual(['0.6270739406', '0.0027357212', '0.5274470400']);
  });
  it('the same seed picks the same pages; another seed picks others', () => {
    expect(sample(items, 10, 42)).toEqual(sample(items, 10, 42));
    expect(sample(items, 10, 42)).not.toEqual(sample(items, 10, 43));
  });
  it('picks n distinct pages in input order', () => {
    const s = sample(items, 25, seedOf('march-2026'));
    expect(new Set(s).size).toBe(25);
    expect([...s].sort((a, b) => items.indexOf(a) - items.indexOf(b))).toEqual(s);
  });
  it('n at or above the count keeps everything', () => expect(sample(items, 500, 1)).toEqual(items));
  it('text seeds are stable, number seeds are the number', () => {
    expect(seedOf('42')).toBe(42);
    expect(seedOf('march-2026')).toBe(seedOf('march-2026'));
    expect(seedOf('march-2026')).not.toBe(seedOf('april-2026'));
  });
});

describe('runner pieces', () => {
  it('URLs stay URLs, paths become file URLs', () => {
    expect(toTarget('https://shop.example/a').url).toBe('https://shop.example/a');
    expect(toTarget('saved/a.html', '/data').url).toBe('file:///data/saved/a.html');
  });
  it('never runs more than the limit at once and keeps order', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapPool([5, 1, 3, 2, 4], 2, async (n) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, n * 3));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20, 40]);
    expect(peak).toBe(2);
  });
  it('tells CDP endpoints from Playwright servers', () => {
    expect(isCdpEndpoint('ws://127.0.0.1:9222/devtools/browser/abc')).toBe(true);
    expect(isCdpEndpoint('http://127.0.0.1:9222')).toBe(true);
    expect(isCdpEndpoint('ws://127.0.0.1:40123/6f2d1c')).toBe(false);
  });
});
