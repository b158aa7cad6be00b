import { ECL15, LOCAL_P1, OTM12 } from '../bases';
import { defineRule, found, licenceSpots } from '../rule';
import type { Box } from '../types';

const visible = (b: Box) => b.width > 0 && b.height > 0;
// One pixel of slack: boxes are rounded to whole pixels.
const inside = (b: Box, outer: Box) => b.x >= outer.x - 1 && b.y >= outer.y - 1 && b.x + b.width <= outer.x + outer.width + 1 && b.y + b.height <= outer.y + outer.height + 1;

export default defineRule({
  id: 'licence-prominent',
  title: { zh: '营业执照信息显著展示', en: 'Licence info shown prominently' },
  basis: [ECL15, OTM12, LOCAL_P1],
  asks: { zh: '执照信息或标识位于首屏内，或位于页面的标准公示位置（店铺头部、页脚）', en: 'The licence or mark is in the first screen or in the standard licence position (shop header, footer)' },
  appliesTo: ['shop'],
  outcomes: ['pass', 'violation', 'needs-review', 'not-applicable'],
  check(input) {
    const spots = licenceSpots(input);
    if (spots.length === 0) return [found('not-applicable', { zh: '未公示执照，不适用', en: 'Nothing shown to place' }, ['facts'])];
    const boxed = spots.filter((s) => s.box);
    if (boxed.length === 0) return [found('needs-review', { zh: '无元素位置数据，请人工查看截图', en: 'No element boxes: check the screenshot' }, ['screenshot'], spots[0]!.selector)];
    const vh = input.facts.viewport.height;
    const firstScreen = boxed.find((s) => visible(s.box!) && s.box!.y < vh && s.box!.y + s.box!.height > 0);
    if (firstScreen) return [found('pass', { zh: '位于首屏内', en: 'In the first screen' }, ['screenshot', 'facts'], firstScreen.selector)];
    const standard = boxed.find((s) => visible(s.box!) && input.facts.standardPositions.some((p) => p.box && inside(s.box!, p.box)));
    if (standard) return [found('pass', { zh: '位于页面标准公示位置', en: 'In the standard licence position' }, ['screenshot', 'facts'], standard.selector)];
    const s = boxed[0]!;
    return [found('violation', {
      zh: visible(s.box!) ? `位于页面下方 ${Math.round(s.box!.y)}px 处，不在首屏或标准位置` : '元素不可见',
      en: visible(s.box!) ? `${Math.round(s.box!.y)}px down the page, outside the first screen and the standard position` : 'The element is not visible',
    }, ['screenshot', 'facts'], s.selector)];
  },
});
