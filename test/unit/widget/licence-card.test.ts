// @vitest-environment happy-dom
import { LicenceCard, showCard } from '../../../widget/ui/LicenceCard';
import type { CreditStatus, Lang, MarkCheckView, VerdictView } from '../../../widget/ui/types';

const list = { source: 'list:demo-black@v1', sourceName: '示例信用办', retrievedAt: '2026-11-20T02:00:00Z', issued: '2026-11-01T00:00:00+08:00', expires: '2036-12-31T23:59:59+08:00' };
const mark = { source: 'mark:demo-platform', sourceName: '示例商城', retrievedAt: '2026-11-21T00:00:00Z', issued: '2026-10-20T00:00:00Z' };

function status(parts: Partial<CreditStatus> = {}): CreditStatus {
  return {
    subject: { uscc: '91990000MA2H7Q013E', name: '杭州示例优品商贸有限公司', kind: 'company', provenance: mark },
    creditLevels: [], listEntries: [], records: [], commitments: [], asOf: '2026-11-21T00:00:00Z', ...parts,
  };
}

/** The card's text, drawn into a host in the document and opened as the widget opens it. */
function card(props: { status?: CreditStatus; verdict: VerdictView; lang: Lang; check?: MarkCheckView }): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  const d = LicenceCard({ ...props, onClose: () => undefined });
  host.append(d);
  showCard(d);
  return host;
}

const BLACK: VerdictView = {
  level: 'danger',
  reasons: [
    { code: 'list.black', zh: '列入黑名单', en: 'On a black list', level: 'danger' },
    { code: 'mark.genuine', zh: '标识有效：由可信平台签发，且属于本店', en: 'Genuine mark: signed by a trusted platform for this shop', level: 'good' },
    { code: 'status.clean', zh: '已查询信用信息，未发现问题', en: 'Credit information checked; no problems found', level: 'neutral' },
  ],
};
const entry = { list: 'black' as const, reason: '示例：销售假冒商品', authority: '示例市市场监督管理局', since: '2026-03-01', provenance: list };

describe('LicenceCard: one consistent story', () => {
  it('the red risk box lists only the facts behind the level, in each language with its punctuation', () => {
    const zh = card({ status: status({ listEntries: [entry] }), verdict: BLACK, lang: 'zh' });
    expect(zh.querySelector('#xb-v')!.textContent).toBe('风险提示：列入黑名单');
    const en = card({ status: status({ listEntries: [entry] }), verdict: BLACK, lang: 'en' });
    expect(en.querySelector('#xb-v')!.textContent).toBe('Risk warning: On a black list');
  });

  it('names list kinds as phrases and shows the publisher\'s issue date, expiry and our refresh date', () => {
    const zh = card({ status: status({ listEntries: [entry] }), verdict: BLACK, lang: 'zh' });
    const li = zh.querySelector('li.danger')!.textContent;
    expect(li).toBe('黑名单：示例：销售假冒商品 · 示例市市场监督管理局 · 2026-03-01（数据来源：示例信用办，发布 2026-11-01，至 2036-12-31，更新于 2026-11-20）');
    const en = card({ status: status({ listEntries: [entry] }), verdict: BLACK, lang: 'en' });
    expect(en.querySelector('li.danger')!.textContent).toBe('Black list: 示例：销售假冒商品 · 示例市市场监督管理局 · 2026-03-01 (Source: 示例信用办, issued 2026-11-01, until 2036-12-31, refreshed 2026-11-20)');
    expect(en.textContent).not.toMatch(/数据时间|As of/);
  });

  it('shows a mark\'s issue date for mark data', () => {
    const s = status({ identityMark: { verifiedBy: '示例商城', verifiedAt: '2026-10-20', provenance: mark } });
    const zh = card({ status: s, verdict: { level: 'good', reasons: [] }, lang: 'zh', check: { outcome: 'genuine', issuerName: '示例商城' } });
    expect(zh.textContent).toContain('（数据来源：示例商城，发布 2026-10-20，更新于 2026-11-21）');
  });

  it('says "not checked" when no list was checked, never "none"', () => {
    const unchecked: VerdictView = { level: 'neutral', reasons: [{ code: 'lists.unchecked', zh: '未查询信用名单', en: 'Credit lists were not checked', level: 'neutral' }] };
    const zh = card({ status: status(), verdict: unchecked, lang: 'zh' });
    const part = (host: HTMLElement, title: string) => [...host.querySelectorAll('section')].find((s) => s.querySelector('h3')!.textContent === title)!.querySelector('p')!.textContent;
    expect(part(zh, '信用名单')).toBe('未查询');
    expect(part(zh, '信用等级')).toBe('未查询');
    expect(part(card({ status: status(), verdict: unchecked, lang: 'en' }), 'Credit lists')).toBe('Not checked');
    const checked = card({ status: status(), verdict: { level: 'neutral', reasons: [] }, lang: 'zh' });
    expect(part(checked, '信用名单')).toBe('无');
  });

  it('a copied mark reads as a phrase, never as its code', () => {
    const copied: VerdictView = { level: 'danger', reasons: [{ code: 'mark.copied', zh: '标识被挪用：它属于另一个店铺或网站', en: 'Copied mark: it belongs to another shop or site', level: 'danger' }] };
    const zh = card({ verdict: copied, lang: 'zh', check: { outcome: 'copied' } });
    expect(zh.querySelector('[role="alert"]')!.textContent).toBe('标识被挪用：它属于另一个店铺或网站');
    const en = card({ verdict: copied, lang: 'en', check: { outcome: 'copied' } });
    expect(en.querySelector('[role="alert"]')!.textContent).toBe('Copied mark: it belongs to another shop or site');
  });

  it('masks an individual seller\'s operator and real name', () => {
    const s = status({
      subject: { name: '王小明的手工店', kind: 'individual-seller', provenance: mark },
      licence: { name: '王小明的手工店', legalRepresentative: '王小明', provenance: mark },
      identityMark: { verifiedBy: '示例商城', verifiedAt: '2026-10-20', realName: '王小明', provenance: mark },
    });
    const host = card({ status: s, verdict: { level: 'neutral', reasons: [] }, lang: 'zh' });
    const dd = [...host.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]);
    expect(dd).toContainEqual(['法定代表人 / 经营者', '王*明']);
    expect(dd).toContainEqual(['实名', '王*明']);
    expect([...host.querySelectorAll('dd')].map((d) => d.textContent)).not.toContain('王小明');
  });

  it('shows a company\'s legal representative as published', () => {
    const s = status({ licence: { name: '杭州示例优品商贸有限公司', legalRepresentative: '王小明', provenance: mark } });
    const host = card({ status: s, verdict: { level: 'neutral', reasons: [] }, lang: 'zh' });
    expect([...host.querySelectorAll('dd')].map((d) => d.textContent)).toContain('王小明');
  });
});

describe('LicenceCard: the extension’s extra line and link', () => {
  it('shows the note under the verdict and the extra link first among the official links, as text', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const d = LicenceCard({
      verdict: { level: 'unknown', reasons: [] }, lang: 'zh', onClose: () => undefined,
      note: '经营者信息读取自本店营业执照页 2026-11-30 <b>x</b>',
      extraLink: { href: 'https://mall.jd.com/showLicence-10001201.html', text: '本店营业执照页' },
    });
    host.append(d);
    expect(d.querySelector('#xb-v + p')!.textContent).toBe('经营者信息读取自本店营业执照页 2026-11-30 <b>x</b>');
    expect(d.querySelector('b')).toBeNull();
    const first = d.querySelector('footer a')!;
    expect([first.textContent, first.getAttribute('href')]).toEqual(['本店营业执照页', 'https://mall.jd.com/showLicence-10001201.html']);
  });

  it('has neither without them', () => {
    const d = LicenceCard({ verdict: { level: 'unknown', reasons: [] }, lang: 'zh', onClose: () => undefined });
    expect(d.querySelector('#xb-v + p')).toBeNull();
    expect(d.querySelector('footer a')!.textContent).not.toBe('本店营业执照页');
  });
});
