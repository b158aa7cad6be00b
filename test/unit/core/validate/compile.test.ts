import * as z from 'zod/mini';
import { codePointLength, compile } from '../../../../core/validate';
import { LITE_MODULES, renderValidators, staleValidators, validatorSchema } from '../../../../scripts/gen-schemas';
import * as model from '../../../../core/validate/generated/model';
import * as marks from '../../../../core/validate/generated/marks';
import * as trust from '../../../../core/validate/generated/trust';
import * as protocol from '../../../../core/validate/generated/protocol';
import * as status from '../../../../core/validate/generated/status';
import * as sourceProtocol from '../../../../core/sources/protocol';

describe('compile', () => {
  it('refuses keywords it does not implement, so a schema change cannot slip through', () => {
    expect(() => compile({ type: 'string', contentEncoding: 'base64' })).toThrow(/unsupported keyword contentEncoding/);
    expect(() => compile({ type: 'object', properties: { a: { allOf: [] } } })).toThrow(/allOf/);
    expect(() => compile({ type: 'object', additionalProperties: false })).toThrow(/additionalProperties/);
    expect(() => compile({ oneOf: [{ type: 'string' }] })).toThrow(/oneOf/);
    expect(() => compile({ type: 'string', format: 'email' })).toThrow(/format email/);
    expect(() => compile({ type: ['string', 'null'] })).toThrow(/type/);
    expect(() => compile({ $ref: '#/$defs/d0' })).toThrow(/\$ref/);
    expect(() => compile({ type: 'string', format: 'time' })).toThrow(/format time/);
    expect(() => compile({ type: 'object', refine: [{ message: 'needs code' }] })).toThrow(/needs code/);
  });

  it('strips unknown keys into a fresh object, keeps present-but-undefined optional keys (as zod)', () => {
    const v = compile<{ a: string; b?: string }>({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a'] });
    const input = { a: 'x', b: undefined, c: 1 };
    const r = v.safeParse(input);
    expect(r).toEqual({ success: true, data: { a: 'x', b: undefined } });
    expect(r.success && 'b' in r.data && !('c' in r.data) && r.data !== (input as unknown)).toBe(true);
  });

  it('reports issues with paths', () => {
    const v = compile({ type: 'object', properties: { list: { type: 'array', items: { type: 'integer', minimum: 0 } } }, required: ['list'] });
    expect(v.safeParse({ list: [1, -1] })).toEqual({ success: false, error: { issues: [{ path: ['list', 1], message: 'at least 0' }] } });
    expect(() => v.parse({})).toThrow(/list: expected array/);
  });

  it('counts code points like zod: a surrogate pair once, a lone surrogate as one', () => {
    expect(codePointLength('😀中a')).toBe(3);
    expect(codePointLength('\uD800\uD800')).toBe(2);
    const two = z.string().check(z.maxLength(2));
    for (const s of ['😀😀', '😀😀😀', '\uD83D\uD83D', 'a😀']) expect(compile({ type: 'string', maxLength: 2 }).safeParse(s).success, s).toBe(two.safeParse(s).success);
  });

  it('uri: what z.url() accepts, trimmed and without tabs or newlines', () => {
    const v = compile({ type: 'string', format: 'uri' });
    expect(v.safeParse(' https://exa\nmple.cn/a ')).toEqual({ success: true, data: 'https://example.cn/a' });
    expect(v.safeParse('not a url').success).toBe(false);
  });
});

describe('generated modules', () => {
  it('take only patterns in Unicode mode, as the generated validator reads them; zod\'s own date formats pass', () => {
    expect(() => validatorSchema(z.string().check(z.regex(/^[^#]{0,3}$/)))).toThrow('a pattern needs the u flag, as the generated validator reads it: /^[^#]{0,3}$/');
    expect(validatorSchema(z.string().check(z.regex(/^[^#]{0,3}$/u)))).toEqual({ type: 'string', pattern: '^[^#]{0,3}$' });
    expect(() => validatorSchema(z.iso.date())).not.toThrow();
  });

  it('are up to date with the zod sources (npx tsx scripts/gen-schemas.ts)', () => {
    expect(staleValidators()).toEqual([]);
    expect(staleValidators('/nonexistent-dir')).toEqual([...renderValidators().keys()]);
  });

  it('export exactly the names of the modules they stand in for, with equal constants', () => {
    const lite: Record<string, Record<string, unknown>> = { model, marks, trust, protocol, status };
    for (const m of LITE_MODULES.filter((x) => !x.only)) {
      expect(Object.keys(lite[m.file]!).sort(), m.file).toEqual(Object.keys(m.exports).sort());
      for (const [name, value] of Object.entries(m.exports)) {
        if (typeof value !== 'object' || value === null || '_zod' in value) continue;
        expect(lite[m.file]![name], name).toEqual(value);
      }
      for (const [name, value] of Object.entries(m.exports)) if (typeof value === 'string' || typeof value === 'number') expect(lite[m.file]![name]).toBe(value);
    }
  });

  it('normaliseUsccInput behaves as the zod original', () => {
    for (const s of [' 91330106673959654p ', '91330106673959654P', '9133010667395965', '', 'ＡＢ', '91330106673959654I']) {
      expect(protocol.normaliseUsccInput(s), s).toBe(sourceProtocol.normaliseUsccInput(s));
    }
  });
});
