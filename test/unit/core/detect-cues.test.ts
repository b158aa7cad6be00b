import { JSDOM } from 'jsdom';
import { detect, TEXT_CUES } from '../../../core/detect';

const page = (body: string) => new JSDOM(`<!doctype html><html><head><title>示例店</title></head><body>${body}</body></html>`).window.document;

describe('detect: labelled fields and the audit’s text cues', () => {
  it('gives every labelled code with its element, a code failing its check included', () => {
    const doc = page(`<div class="lic"><span id="n">企业名称：上海示例贸易有限公司</span><p id="c">营业执照号码：91310000MA1FL4XQ3L</p></div>`);
    const r = detect(doc);
    expect(r.fields.map(({ element, ...f }) => ({ ...f, id: element?.id }))).toEqual([
      { field: 'name', label: '企业名称', value: '上海示例贸易有限公司', kind: null, checksum: 'n/a', id: 'n' },
      { field: 'code', label: '营业执照号码', value: '91310000MA1FL4XQ3L', kind: 'uscc', checksum: 'mismatch', id: 'c' },
    ]);
  });

  it('reads a label only where it stands as one, not inside a sentence', () => {
    expect(detect(page('<p>除企业名称通过认证之外，其余信息请以营业执照为准。</p>')).fields).toEqual([]);
  });

  it('reports cues only when asked, each with its kind, word, line of text and element', () => {
    const doc = page(`<header><span id="id">身份核验：经营者身份已核验</span><span id="cl">信用等级：纳税信用 A 级</span></header>
      <div><p id="ind">本店为个人卖家</p><p id="decl">依法无需办理市场主体登记（自我声明）</p><p id="risk">风险提示：该经营者已被列入严重失信主体名单</p></div>`);
    expect(detect(doc).cues).toEqual([]);
    const cues = detect(doc, { cues: true }).cues.map((c) => [c.kind, c.word, c.element?.id]);
    expect(cues).toEqual([
      ['identityMark', '身份核验', 'id'],
      ['creditLevel', '信用等级', 'cl'],
      ['creditLevel', '纳税信用', 'cl'],
      ['individualSeller', '个人卖家', 'ind'],
      ['selfDeclaration', '无需办理市场主体登记', 'decl'],
      ['selfDeclaration', '自我声明', 'decl'],
      ['riskWarning', '风险提示', 'risk'],
      ['riskWarning', '严重失信', 'risk'],
    ]);
    expect(detect(doc, { cues: true }).cues[0]!.text).toBe('身份核验：经营者身份已核验');
  });

  it('finds cues with the whole walk on a large page, where the quick read skips text away from labels', () => {
    const filler = Array.from({ length: 300 }, (_, i) => `<p>商品 ${i} 描述文字</p>`).join('');
    const doc = page(`${filler}<p id="w">风险提示：谨慎交易</p><p>统一社会信用代码：91330106673959654P</p>`);
    const cue = detect(doc, { cues: true }).cues.find((c) => c.kind === 'riskWarning');
    expect(cue?.element?.id).toBe('w');
  });

  it('keeps the vocabulary as data: every word belongs to one kind', () => {
    const words = Object.values(TEXT_CUES).flat();
    expect(new Set(words).size).toBe(words.length);
  });
});
