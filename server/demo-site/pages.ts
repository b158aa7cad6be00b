import { esc, layout } from './layout';

export interface DemoShop {
  slug: string;
  path: string;
  shopName: string;
  name: string;
  note: string;
  /** Lists the subject is on; the platform must publish a risk warning (风险提示) for seriously dishonest shops. */
  expectedLists?: string[];
}

const RISK_LISTS = ['black', 'seriously-dishonest'];

/** Where the widget finds the signed trust list and the root key that signs it (same origin, see docs/widget.md). */
export const TRUST_ATTRS = 'trust="/demo/trust.jws" trust-root="/demo/root.jwk.json" endpoint="/"';

const shopItem = (s: DemoShop) => `<li><a href="${esc(s.path)}">${esc(s.shopName)}</a><br><small>${esc(s.note)}</small></li>`;

/** The homepage: query window, sample shops, invalid-mark variants and the shops whose marks a status list governs. */
export function homePage(shops: DemoShop[], variants: string[], revocable: DemoShop[] = [], statusLists: string[] = []): string {
  const items = shops.map(shopItem).join('\n');
  const bad = variants.map((v) => `<li><a href="/shops/youpin/variants/${esc(v)}/">${esc(v)}</a></li>`).join('\n');
  return layout('首页', `<h1>示例商城 · 信用查询</h1>
<p>按《电子商务法》和各地电子商务诚信建设实施办法，平台首页设置信用查询窗口（信用中国、国家企业信用信息公示系统等）。</p>
<xinbiao-query endpoint="/" sites="credit-jiangsu credit-lianyungang"></xinbiao-query>
<h2 id="shops">店铺 Shops</h2>
<ul class="shops">
${items}
</ul>
<h2>无效标识示例 Invalid marks</h2>
<ul>
${bad}
</ul>${revocable.length ? `
<h2 id="revocable">可撤销的标识 Revocable marks</h2>
<p>示例优选为每个标识分配状态列表中的一位；撤销即置位，浏览器扩展整份下载状态列表后在本地核对，签发者无从得知查看的是哪个店铺。
示例优选 gives each mark a bit in its status list; withdrawing sets the bit. The extension downloads the whole list and checks it locally, so the issuer never learns which shop was looked at.
状态列表 Status list: ${statusLists.map((u) => `<a href="${esc(u)}">${esc(u)}</a>`).join(' ')}</p>
<ul class="shops">
${revocable.map(shopItem).join('\n')}
</ul>` : ''}`);
}

export function shopPage(shop: DemoShop, token: string, heading = shop.shopName): string {
  return layout(heading, `<div class="shop-head">
<h1>${esc(heading)}</h1>
<xinbiao-mark token="${esc(token)}" ${TRUST_ATTRS}></xinbiao-mark>
</div>
${shop.expectedLists?.some((l) => RISK_LISTS.includes(l)) ? `<aside class="risk" role="alert"><strong>风险提示 Risk warning</strong>：该店铺经营者已被列入严重失信主体名单（示例数据），请谨慎交易。The operator of this shop is on the list of seriously dishonest subjects (sample data); trade with care.</aside>\n` : ''}<p>${esc(shop.note)}</p>
<h2>商品 Goods</h2>
<div class="goods"><div>示例商品一</div><div>示例商品二</div><div>示例商品三</div><div>示例商品四</div></div>`);
}
