import * as z from 'zod/mini';
import { firstIssueBoth, firstIssuePair } from '../../../../core/model/issue';
import { MARK_RULES_ZH } from '../../../../core/marks/rules';
import { signMark } from '../../../../core/marks';

const one = (path: PropertyKey[], message: string) => ({ issues: [{ path, message }] });

describe('schema complaints in both languages (firstIssueBoth)', () => {
  it.each([
    [one(['authority'], 'Invalid input'), 'authority: 输入无效 / Invalid input'],
    [one(['credit'], 'expected array'), 'credit: 应为数组 / expected array'],
    [one(['sub', 'name'], 'at most 200 characters'), 'sub.name: 至多 200 个字符 / at most 200 characters'],
    [one(['credit'], 'at most 20 items'), 'credit: 至多 20 项 / at most 20 items'],
    [one([], 'fits no allowed form'), '(line): 不符合任何允许的形式 / fits no allowed form'],
    [one(['kind'], 'a message nobody translated'), 'kind: a message nobody translated'],
  ])('%#: %j', (error, text) => {
    expect(firstIssueBoth(error, '(line)')).toBe(text);
  });

  it("zod/mini's one word for a missing, mistyped or unknown field says which it is, in each half", () => {
    const Schema = z.strictObject({ exp: z.number(), sub: z.strictObject({ name: z.string() }) });
    const issue = (v: unknown) => firstIssuePair(Schema.safeParse(v).error!);
    expect(issue({ sub: { name: 'x' } })).toEqual(['exp：应为数字', 'exp: expected number']);
    expect(issue([])).toEqual(['(root)：应为对象', '(root): expected object']);
    // An unknown key is quoted as JSON: its line break stays on the message's one line.
    expect(issue({ exp: 1, sub: { name: 'x', 'a\nb': 1 } })).toEqual(['sub：没有这个字段："a\\nb"', 'sub: unknown field "a\\nb"']);
  });

  it("a rule's message brings its own Chinese", () => {
    expect(firstIssueBoth(one(['exp'], 'exp must be after iat'), '(root)', MARK_RULES_ZH)).toBe('exp: exp 应晚于 iat / exp must be after iat');
  });

  it("signing refuses an individual seller's unmasked name in both languages", async () => {
    const payload = {
      iss: 'demo-platform', iat: 1793462400, exp: 2109081600, sub: { name: '王小明（个人卖家）', kind: 'individual-seller' },
      licence: { name: '王小明（个体工商户）' }, identity: { verifiedBy: '示例商城', verifiedAt: '2026-10-20', realName: '王小明' }, credit: [],
      bind: { origin: 'https://mall.example.cn', path: '/shops/1/' },
    };
    await expect(signMark(payload as never, { kty: 'OKP', crv: 'Ed25519', x: '', d: '', kid: 'k' } as never)).rejects.toThrow(
      "mark payload: identity.realName: 个人卖家的真实姓名须打码（如 王*明） / an individual seller's real name must be masked (e.g. 王*明)",
    );
  });
});
