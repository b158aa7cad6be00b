import { MarkPayload } from '../../../../core/marks/schema';
import { MarkPayload as LiteMarkPayload } from '../../../../core/validate/generated/marks';
import { payload } from './support';

// An individual seller's real name is personal data (DOMAIN P6): a mark must carry it masked, and both the schema
// (CLI, extension) and the widget's zod-free validator must refuse it otherwise.
const seller = (realName: string) => payload({
  sub: { name: '王小明的手工店', kind: 'individual-seller' },
  licence: undefined,
  identity: { verifiedBy: '示例商城', verifiedAt: '2026-10-20', realName, selfDeclaration: { text: '自产自销手工制品', exemption: 'handicraft' } },
});

describe("an individual seller's name in a mark", () => {
  it.each([['the schema', MarkPayload], ['the widget validator', LiteMarkPayload]] as const)('%s refuses it unmasked', (_name, schema) => {
    expect(schema.safeParse(seller('王小明')).success).toBe(false);
  });

  it.each([['the schema', MarkPayload], ['the widget validator', LiteMarkPayload]] as const)('%s accepts it masked', (_name, schema) => {
    expect(schema.safeParse(seller('王*明')).success).toBe(true);
  });
});
