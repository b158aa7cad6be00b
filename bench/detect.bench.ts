// Detection on a 10,000-element shop listing page in Chromium against a bare TreeWalker pass over the same page.
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { WALK_WHAT_TO_SHOW } from '../core/detect';
import { completeUscc } from '../core/identifiers';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/support/chromium';
import { paired, type Benchmark } from './types';

const ELEMENTS = 10_000;
// Rounds measured: the ratio is the median of the rounds' own ratios, so a load spike that slows one round
// slows both sides of it alike and leaves its ratio, and enough rounds make the median settle under load.
const RUNS = 61;
// Rounds left out before measuring, on both sides: on a busy machine the optimising compiler needs a few hundred
// passes to settle on detection's code.
const WARM_UP = 60;
// Passes per round, alternating floor and detection so that a busy machine slows both alike; a round's mean of
// several passes smooths performance.now(), which ticks in 0.1 ms steps in a page.
const BATCH = 5;
const SHOP_USCC = completeUscc('91990000MA2GQ5R37');

/** A shop listing page as platforms render it: header, navigation, product cards, licence footer. */
export function listingPage(elements: number): string {
  const head = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>杭茗茶业旗舰店 - 全部商品</title>
<style>.card{display:inline-block;width:220px}</style></head><body>
<div class="site-nav"><a href="/">首页</a> <a href="/cart">购物车</a> <a href="/my">我的订单</a></div>
<div class="shop-header"><h1 class="shop-name">杭茗茶业旗舰店</h1><span class="score">描述 4.9 服务 4.8</span></div>
<ul class="cards">`;
  const foot = `</ul><div class="footer"><p>企业名称：杭州杭茗茶业有限公司</p><p>统一社会信用代码：${SHOP_USCC}</p>
<p><a href="https://beian.miit.gov.cn/">浙ICP备2026000001号</a> <a href="https://www.creditchina.gov.cn/">信用中国</a></p></div></body></html>`;
  const card = (i: number) => `
  <li class="card" data-sku="${100000 + i}">
    <a class="pic" href="/item/${100000 + i}.html"><img src="/img/${i}.jpg" alt="商品${i}"></a>
    <div class="title"><a href="/item/${100000 + i}.html">西湖龙井 明前特级 ${i} 号 礼盒装 250g</a></div>
    <div class="price"><span>￥</span><em>${(99 + (i % 300)).toFixed(2)}</em></div>
    <div class="meta"><span class="sales">月销 ${(i * 37) % 5000}</span><span class="loc">浙江 杭州</span></div>
  </li>`;
  // html, head, meta, title, style, body + header/nav/footer elements, then 11 elements per card.
  const fixed = 20;
  const cards = Math.ceil((elements - fixed) / 11);
  let body = '';
  for (let i = 0; i < cards; i++) body += card(i);
  return head + body + foot;
}

// Runs in the page; a string so that the TypeScript loader adds no helpers the page does not have.
const MEASURE = `(runs, whatToShow, warmUp, batch) => {
  const floor = () => {
    const w = document.createTreeWalker(document, whatToShow);
    let n = 0;
    while (w.nextNode()) n++;
    return n;
  };
  const ours = [], bare = [];
  let found = '';
  for (let i = 0; i < warmUp + runs; i++) {
    let b = 0, o = 0;
    for (let k = 0; k < batch; k++) {
      // Which side goes first alternates: neither always runs on the other's warm caches.
      const ourFirst = (i + k) % 2 === 1;
      const t0 = performance.now();
      if (ourFirst) found = XinbiaoDetect.detect(document).subjects[0]?.uscc ?? ''; else floor();
      const t1 = performance.now();
      if (ourFirst) floor(); else found = XinbiaoDetect.detect(document).subjects[0]?.uscc ?? '';
      const t2 = performance.now();
      b += ourFirst ? t2 - t1 : t1 - t0;
      o += ourFirst ? t1 - t0 : t2 - t1;
    }
    if (i >= warmUp) { bare.push(b / batch); ours.push(o / batch); }
  }
  return { ours, bare, found, elements: document.getElementsByTagName('*').length };
}`;

const bench: Benchmark = {
  name: 'detect',
  async run() {
    const out = await build({
      stdin: { contents: "import { detect } from './core/detect'; (globalThis as any).XinbiaoDetect = { detect };", resolveDir: resolve(import.meta.dirname, '..'), loader: 'ts' },
      bundle: true, format: 'iife', target: 'es2022', minify: true, write: false,
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    try {
      const page = await browser.newPage();
      await page.setContent(listingPage(ELEMENTS));
      // Evaluated, not added as a <script>: the bundle's own text is not part of the page being measured.
      await page.evaluate(out.outputFiles[0]!.text);
      const r = (await page.evaluate(`(${MEASURE})(${RUNS}, ${WALK_WHAT_TO_SHOW}, ${WARM_UP}, ${BATCH})`)) as { ours: number[]; bare: number[]; found: string; elements: number };
      if (r.found !== SHOP_USCC) throw new Error(`detection found ${r.found || 'nothing'} instead of the shop`);
      if (Math.abs(r.elements - ELEMENTS) > 50) throw new Error(`page has ${r.elements} elements`);
      const { ours, floor } = paired(r.ours, r.bare);
      return [{ name: 'detect', value: ours, unit: 'ms', floor, budget: 1.5 }];
    } finally {
      await browser.close();
    }
  },
};
export default bench;
