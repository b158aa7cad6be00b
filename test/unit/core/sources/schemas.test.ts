import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSchemas, SCHEMA_DIR, staleSchemas } from '../../../../scripts/gen-schemas';
import { CreditStatus } from '../../../../core/model';
import { BatchRequest, BatchResponse, ErrorBody } from '../../../../core/sources';
import { decideVerdict } from '../../../../core/verdict';

const doc = (name: string) => readFileSync(join(import.meta.dirname, '../../../../docs', name), 'utf8');
const jsonBlocks = (text: string) => [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);

describe('documented formats', () => {
  it('docs/schema/*.json match the zod sources (run npx tsx scripts/gen-schemas.ts)', () => {
    expect(staleSchemas()).toEqual([]);
  });

  it('notices a schema file that is out of date', () => {
    const file = [...renderSchemas().keys()][0]!;
    const committed = readFileSync(join(SCHEMA_DIR, file), 'utf8');
    expect(committed).toBe(renderSchemas().get(file));
    expect(staleSchemas('/nonexistent-dir')).toContain(file);
  });

  it('the credit status schema describes the model', () => {
    const schema = JSON.parse(renderSchemas().get('credit-status.json')!);
    expect(schema.required).toEqual(['subject', 'creditLevels', 'listEntries', 'records', 'commitments', 'asOf']);
    expect(schema.properties.listEntries.items.properties.list.enum).toEqual(['red', 'black', 'abnormal', 'seriously-dishonest', 'judgment-defaulter']);
  });

  it('the worked example in docs/credit-status.md is a valid status and judged as documented', () => {
    const [example] = jsonBlocks(doc('credit-status.md'));
    const status = CreditStatus.parse(example);
    const v = decideVerdict({ status, listsChecked: true, now: Date.parse('2026-11-21T10:00:00+08:00') });
    expect(v).toMatchObject({ level: 'neutral', reasons: [{ code: 'status.clean' }] });
  });

  it('every JSON example in docs/status-endpoint.md is a protocol message', () => {
    const blocks = jsonBlocks(doc('status-endpoint.md'));
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const b of blocks) {
      const ok = [CreditStatus, ErrorBody, BatchRequest, BatchResponse].some((s) => s.safeParse(b).success);
      expect(ok, JSON.stringify(b).slice(0, 120)).toBe(true);
    }
  });
});
