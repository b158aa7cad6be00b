import { freeSpot } from '../../../extension/runtime/placement';

// A 300 × 56 badge right after a shop name whose line ends at x = 200, y = 100; a 1280 px viewport at the page's top.
const natural = { left: 206, top: 100, right: 506, bottom: 156 };
const view = { width: 1280, docTop: 0 };
const line = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe('where the badge goes beside the shop name', () => {
  it('stays where the layout puts it when no text is there', () => {
    expect(freeSpot(natural, [line(0, 100, 200, 118)], view)).toEqual({ left: 206, top: 100 });
  });

  it('moves below a line of text it would hide, to the nearest free place', () => {
    // A text line from x 206 to 1280 at y 100–118 (the rest of the crumb bar): the badge goes just under it (gap 2).
    expect(freeSpot(natural, [line(0, 100, 200, 118), line(206, 100, 1280, 118)], view)).toEqual({ left: 206, top: 120 });
  });

  it('moves sideways when that is nearer than the next free row', () => {
    // A short word right after the name (x 206–260) on a page with text rows above and below it.
    const texts = [line(206, 100, 260, 118), line(0, 40, 1280, 60), line(0, 160, 1280, 180)];
    expect(freeSpot(natural, texts, view)).toEqual({ left: 262, top: 100 });
  });

  it('stays inside the viewport: a name at the right edge puts the badge back to the left', () => {
    const atEdge = { left: 1100, top: 100, right: 1400, bottom: 156 };
    expect(freeSpot(atEdge, [], view)).toEqual({ left: 1280 - 8 - 300, top: 100 });
  });

  it('never goes above the document top', () => {
    const high = { left: 206, top: 4, right: 506, bottom: 60 };
    expect(freeSpot(high, [], view)).toEqual({ left: 206, top: 8 });
  });

  it('gives up when every place within reach hides text', () => {
    const wall = Array.from({ length: 60 }, (_, i) => line(0, -200 + i * 14, 1280, -200 + i * 14 + 12));
    expect(freeSpot(natural, wall, view)).toBeNull();
  });

  it('does not search a flood of tiny lines: a page cannot make placement slow', () => {
    // 700 one-pixel "lines" scattered far from the natural place, each in reach: more than the search takes on.
    const flood = Array.from({ length: 700 }, (_, i) => line(600 + (i % 35) * 10, 300 + Math.floor(i / 35) * 4, 601 + (i % 35) * 10, 301 + Math.floor(i / 35) * 4));
    expect(freeSpot(natural, flood, view)).toBeNull();
  });
});
