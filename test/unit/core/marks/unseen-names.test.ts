import { signMark } from '../../../../core/marks';
import { MarkPayload } from '../../../../core/marks/schema';
import { MarkPayload as WidgetMarkPayload } from '../../../../core/validate/generated/marks';
import { CreditStatus as WidgetCreditStatus } from '../../../../core/validate/generated/model';
import { CreditStatus } from '../../../../core/model/schema';
import { fixture, payload } from './support';

// A seller chooses its shop name and the platform signs it: a name that reads differently from what it holds is refused
// by the signer, by the schema and by the widget's validator alike.
const UNSEEN: [string, string][] = [
  ['NUL U+0000', '\u0000'],
  ['line feed U+000A', '\n'],
  ['C1 control U+0085', '\u0085'],
  ['right-to-left override U+202E', '\u202E'],
  ['right-to-left isolate U+2067', '\u2067'],
  ['right-to-left mark U+200F', '\u200F'],
  ['Arabic letter mark U+061C', '\u061C'],
  ['zero-width space U+200B', '\u200B'],
  ['zero-width joiner U+200D', '\u200D'],
  ['soft hyphen U+00AD', '\u00AD'],
  ['byte order mark U+FEFF', '\uFEFF'],
  ['tag letter U+E0041', '\u{E0041}'],
  ['interlinear annotation anchor U+FFF9', '\uFFF9'],
  ['interlinear annotation separator U+FFFA', '\uFFFA'],
  ['interlinear annotation terminator U+FFFB', '\uFFFB'],
  ['Arabic number sign U+0600', '\u0600'],
  ['Egyptian hieroglyph vertical joiner U+13430', '\u{13430}'],
  ['line separator U+2028', '\u2028'],
  ['paragraph separator U+2029', '\u2029'],
  ['combining enclosing circle backslash U+20E0', '\u20E0'],
  ['combining Cyrillic millions sign U+0489', '\u0489'],
  ['lone surrogate U+D800', '\uD800'],
  ['noncharacter U+FFFF', '\uFFFF'],
  ['noncharacter U+FDD0', '\uFDD0'],
];

const withShop = (name: string) => payload({ shop: { name } });
const withOperator = (name: string) => payload({ sub: { uscc: '91330106673959654P', name, kind: 'company' }, licence: { uscc: '91330106673959654P', name, status: '存续' } });

describe('names a person reads hold no unseen characters', () => {
  it.each(UNSEEN)('%s in a shop name: refused by the schema and the widget validator', (_, ch) => {
    const p = withShop(`示例${ch}旗舰店`);
    expect(MarkPayload.safeParse(p).success).toBe(false);
    expect(WidgetMarkPayload.safeParse(p).success).toBe(false);
  });

  it.each(UNSEEN)('%s in the operator name: refused by the schema and the widget validator', (_, ch) => {
    const p = withOperator(`杭州示例${ch}商贸有限公司`);
    expect(MarkPayload.safeParse(p).success).toBe(false);
    expect(WidgetMarkPayload.safeParse(p).success).toBe(false);
  });

  it('names with full-width brackets, a middle dot, a space and Latin letters pass both', () => {
    for (const name of ['示例（杭州）商贸有限公司', '阿卜杜·热合曼个体店', 'XB Select 示例优选旗舰店']) {
      expect(MarkPayload.safeParse(withShop(name)).success).toBe(true);
      expect(WidgetMarkPayload.safeParse(withShop(name)).success).toBe(true);
    }
  });

  it('the signer refuses such a mark with the field named, in both languages', async () => {
    const { platform } = await fixture();
    await expect(signMark(withShop('示例旗舰店\u202E品正'), platform.privateJwk)).rejects.toThrow(
      'mark payload: shop.name: 不得含控制字符、格式字符、零宽字符、双向控制字符或行分隔符 / must not hold control, format, zero-width, bidi or line separator characters');
  });

  it('a credit status whose credit level hides a bidi override is refused by both validators', () => {
    const provenance = { source: 'endpoint:https://credit.example.cn', retrievedAt: '2026-11-21T00:00:00Z' };
    const status = {
      subject: { uscc: '91330106673959654P', name: '杭州示例商贸有限公司', kind: 'company', provenance },
      creditLevels: [{ scheme: 'tax', schemeName: '纳税信用等级', level: 'A\u202E', issuer: '示例市税务局', date: '2026-04-15', provenance }],
      listEntries: [], records: [], commitments: [], asOf: '2026-11-21T00:00:00Z',
    };
    const clean = { ...status, creditLevels: [{ ...status.creditLevels[0]!, level: 'A' }] };
    expect(CreditStatus.safeParse(clean).success).toBe(true);
    expect(WidgetCreditStatus.safeParse(clean).success).toBe(true);
    expect(CreditStatus.safeParse(status).success).toBe(false);
    expect(WidgetCreditStatus.safeParse(status).success).toBe(false);
  });
});
