import { sample, seedOf } from '../../../cli/audit/sample';
import { drawSample } from '../../../core/audit';
import { populationEntry, toTarget } from '../../../cli/audit/inputs';
import { mapPool } from '../../../cli/audit/pool';
import { isCdpEndpoint } from '../../../cli/audit/browser';

describe('seeded sampling', () => {
  it('the generator stays the same (pinned: changing it would change every recorded sample)', () => {
    expect(drawSample(100, 5, 1)).toEqual([13, 46, 56, 91, 94]);
  });
  it('the same seed picks the same pages; another seed picks others', () => {
    expect(drawSample(100, 10, 42)).toEqual(drawSample(100, 10, 42));
    expect(drawSample(100, 10, 42)).not.toEqual(drawSample(100, 10, 43));
  });
  it('picks n distinct positions in population order', () => {
    const s = drawSample(100, 25, seedOf('march-2026'));
    expect(new Set(s).size).toBe(25);
    expect([...s].sort((a, b) => a - b)).toEqual(s);
    expect(s.every((i) => i >= 0 && i < 100)).toBe(true);
  });
  it('sample() keeps the drawn items in input order', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f'];
    const s = sample(items, 3, 9);
    expect(s).toEqual(drawSample(6, 3, 9).map((i) => items[i]));
    expect(s).toHaveLength(3);
  });
  it('n at or above the count keeps everything', () => expect(drawSample(4, 500, 1)).toEqual([0, 1, 2, 3]));
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
  it('a list line may end with the operator\'s USCC; anything else is the input as written', () => {
    expect(populationEntry('https://shop.example/a  91990000MA5G3R035Y')).toEqual({ input: 'https://shop.example/a', uscc: '91990000MA5G3R035Y' });
    expect(populationEntry('saved/my shop.html\t92990000MA8T4W04X1')).toEqual({ input: 'saved/my shop.html', uscc: '92990000MA8T4W04X1' });
    expect(populationEntry('saved/my shop.html')).toEqual({ input: 'saved/my shop.html' });
    expect(populationEntry('https://shop.example/a 12345')).toEqual({ input: 'https://shop.example/a 12345' });
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
