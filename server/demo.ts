import type { Route } from './route';

/** Routes of the demo platform and the status endpoint; grows as those land. */
export async function demoRoutes(): Promise<Route[]> {
  const index: Route = (_req, res, url) => {
    if (url.pathname !== '/') return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>信标 XinBiao</title>
<h1>信标 XinBiao</h1><p>示例数据，均为虚构。Sample data, all fictional.</p>
<ul><li><a href="/widget/xinbiao.js">widget/xinbiao.js</a></li><li><a href="/extension/">extension builds</a></li></ul></html>`);
    return true;
  };
  return [index];
}
