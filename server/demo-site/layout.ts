// Page shell of the demo platform. Every outside value goes through esc(): the pages are built as text.
const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** A full page: fictional-data notice, header, the widget script (async, one line), footer. */
export function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · 示例商城（演示）</title>
<link rel="stylesheet" href="/demo/site.css">
<script src="/widget/xinbiao.js" async></script>
</head>
<body>
<aside class="notice" aria-label="示例数据说明 Sample data notice">示例数据，均为虚构 · Sample data, all fictional</aside>
<header><a href="/">示例商城 Demo Mall</a><nav aria-label="演示"><a href="/#shops">店铺 Shops</a></nav></header>
<main>
${body}
</main>
<footer>信标 XinBiao 演示平台：店铺、代码、名单与签名均为虚构示例，请勿用于真实判断。Demo platform of XinBiao: every shop, code, list and signature here is fictional.</footer>
</body>
</html>
`;
}
