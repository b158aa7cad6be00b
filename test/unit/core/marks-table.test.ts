import { MARK_SPECS, markCategory } from '../../../core/data/marks';
import { classifyLink, detect } from '../../../core/detect';
import { icpNumbers, mayBeMarkOrPortal } from '../../../core/detect/links';
import { completeUscc } from '../../../core/identifiers';
import { JSDOM } from 'jsdom';

describe('marks table (core/data/marks)', () => {
  it('every host of every entry passes the walk prefilter, and every id has one category', () => {
    for (const s of MARK_SPECS) for (const h of s.hosts) expect(mayBeMarkOrPortal(`https://${h.replace('*.', 'x.')}/`), h).toBe(true);
    for (const s of MARK_SPECS) expect(markCategory(s.id)).toBe(MARK_SPECS.find((o) => o.id === s.id)!.category);
  });

  it('reads regional licence systems: Zhejiang (new and old host), Guangdong 红盾, Guangzhou', () => {
    expect(classifyLink('http://idinfo.zjamr.zj.gov.cn/bscx.do?method=lzxx&id=3301843301002004003505'))
      .toMatchObject({ kind: 'zjamr', category: 'regional-licence', serial: '3301843301002004003505', uscc: null, regNo: null });
    expect(classifyLink('http://idinfo.zjaic.gov.cn/bscx.do?method=hddoc&id=33010600000000001')).toMatchObject({ kind: 'zjamr' });
    // A 注册号 in the 红盾 key becomes the link's code; the title names the operator.
    expect(classifyLink('http://wljg.gdgs.gov.cn/corpsrch.aspx?key=441900001042573', { hover: '企业名称：东莞市永盛通信科技有限公司\n法定代表人：陈刚' }))
      .toMatchObject({ kind: 'gdgs', regNo: '441900001042573', name: '东莞市永盛通信科技有限公司' });
    expect(classifyLink('http://wljg.gdgs.gov.cn/corpsrch.aspx?key=441900001042574')).toMatchObject({ kind: 'gdgs', regNo: null }); // check digit wrong
    expect(classifyLink('http://wljg.gdgs.gov.cn/lz.ashx?vie=41BEF320E5')).toMatchObject({ kind: 'gdgs', serial: null });
    const uscc = completeUscc('91440101MA59ABCD0');
    expect(classifyLink(`https://gsxt.gzaic.gov.cn/aiccips/GSpublicity/viewBusinessLicence?uniscid=${uscc}&regno=440101000123456`))
      .toMatchObject({ kind: 'gzaic', uscc });
    expect(classifyLink('http://netadreg.gzaic.gov.cn/ntmm/WebSear/WebLogoPub.aspx?logo=deca85c42adc44c9a5159bec48776f74'))
      .toMatchObject({ kind: 'gzaic', uscc: null, regNo: null, serial: 'deca85c42adc44c9a5159bec48776f74' });
  });

  it('ICP links on the new and old MIIT hosts; the filing number, not the telecom licence', () => {
    for (const host of ['beian.miit.gov.cn', 'www.beian.miit.gov.cn', 'www.miibeian.gov.cn', 'www.miitbeian.gov.cn']) {
      expect(classifyLink(`http://${host}/`, { text: '粤ICP备14056724号-2' })).toMatchObject({ kind: 'icp', serial: '粤ICP备14056724号-2' });
    }
    expect(icpNumbers('渝B2-20120028 | 渝ICP备10200070号-3')).toEqual({ icp: '渝ICP备10200070号-3', telecom: '渝B2-20120028' });
    expect(classifyLink('https://beian.miit.gov.cn/', { text: '渝B2-20120028 | 渝ICP备10200070号-3' })).toMatchObject({ kind: 'icp', serial: '渝ICP备10200070号-3' });
    expect(classifyLink('http://www.miibeian.gov.cn/', { text: 'ICP经营许可证：粤B2-20160023' }))
      .toMatchObject({ kind: 'telecom-licence', category: 'telecom-licence', serial: '粤B2-20160023' });
  });

  it('seals: 诚信网站 on both szfw shapes, knet with or without a serial, other seals', () => {
    expect(classifyLink('https://search.szfw.org/cert/l/CX20120917001747001765')).toMatchObject({ kind: 'szfw', serial: 'CX20120917001747001765' });
    expect(classifyLink('https://credit.szfw.org/CX20180307037573561533.html')).toMatchObject({ kind: 'szfw', serial: 'CX20180307037573561533' });
    expect(classifyLink('http://t.knet.cn/')).toMatchObject({ kind: 'knet', serial: null });
    expect(classifyLink('http://si.trustutn.org/info?sn=260150522000147261072')).toMatchObject({ kind: 'trustutn', category: 'site-seal' });
    expect(classifyLink('https://szfw.org.evil.example/CX20180307037573561533.html')).toBeNull();
  });

  it("reads a website copier's relative links by the host in their path, for mark hosts only", () => {
    expect(classifyLink('../https@credit.szfw.org/CX20160123013832180167.html')).toMatchObject({ kind: 'szfw', serial: 'CX20160123013832180167' });
    expect(classifyLink('../netadreg.gzaic.gov.cn/ntmm/WebSear/WebLogoPub.aspx@logo=440115115012014072300011'))
      .toMatchObject({ kind: 'gzaic', serial: '440115115012014072300011' });
    expect(classifyLink('../www.example.com/CX20160123013832180167.html')).toBeNull();
    expect(classifyLink('/item/100001.html')).toBeNull();
  });

  it('a 红盾 link with a 注册号 and a titled operator becomes one subject', () => {
    const { window } = new JSDOM(`<footer>© OPPO <a href="http://wljg.gdgs.gov.cn/corpsrch.aspx?key=441900001042573"
      title="企业名称：东莞市永盛通信科技有限公司&#10;法定代表人：陈刚&#10;标识状态：已激活"><b></b></a></footer>`);
    const r = detect(window.document);
    expect(r.subjects.map((s) => [s.uscc, s.regNo, s.name, s.source])).toEqual([[null, '441900001042573', '东莞市永盛通信科技有限公司', 'samr-link']]);
    expect(r.marks.map((m) => m.kind)).toEqual(['gdgs']);
  });

  it('名称 is a name label on its own, never the tail of 产品名称 / 商品名称', () => {
    const { window } = new JSDOM('<div><p>名称：杭州示例优品商贸有限公司</p><p>类型：有限责任公司</p><li>产品名称：从舆论喧嚣到理性回归</li></div>');
    expect(detect(window.document).subjects.map((s) => s.name)).toEqual(['杭州示例优品商贸有限公司']);
  });
});
