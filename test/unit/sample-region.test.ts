import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isValidUscc, parseUscc } from '../../core/identifiers';

// Sample enterprises live in region 990000, which GB/T 2260 never assigns (provinces start with 1–8), so no sample
// code can name a real enterprise (docs/domain.md §2.1, docs/deploy.md "Release builds").
const ROOT = join(__dirname, '..', '..');
const SAMPLE_REGION = '990000';
/** Real codes the detection fixtures show on purpose, each from a public page (docs/domain.md §2.1). */
const REAL = new Map([
  ['91330106673959654P', '阿里云计算有限公司, from its own 亮照 link'],
  ['91330201MA284E2D7K', 'a Tmall shop operator, from a public licence page'],
]);
const USCC_SHAPE = /[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/gi;
const JWS = /eyJ[A-Za-z0-9_-]+\.(eyJ[A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

/** Every well-formed USCC a file names: in its text and inside the payload of each signed mark, list or trust list. */
function codesIn(text: string): string[] {
  const payloads = [...text.matchAll(JWS)].map((m) => Buffer.from(m[1]!, 'base64url').toString('utf8'));
  return [text, ...payloads].flatMap((t) => [...t.matchAll(USCC_SHAPE)].map((m) => m[0].toUpperCase())).filter((c) => isValidUscc(c));
}

describe('sample codes can never name a real enterprise', () => {
  const scanned = ['samples', 'test/fixtures'].flatMap((d) => files(join(ROOT, d))).filter((f) => !/\.(png|gif|jpe?g|pdf|zip|gz|br)$/.test(f));
  const found = scanned.flatMap((f) => codesIn(readFileSync(f, 'utf8')).map((code) => ({ file: relative(ROOT, f), code })));

  it('finds the sample enterprises where they are shown (lists, marks, pages)', () => {
    const inSamples = new Set(found.filter((x) => x.file.startsWith('samples/')).map((x) => x.code));
    // The eight sample operators of samples/index.json (six shops with lists, two with revocable marks).
    expect(inSamples.size).toBe(8);
    expect(found.filter((x) => x.file.startsWith('test/fixtures/')).length).toBeGreaterThan(50);
    expect(found.some((x) => x.file === 'samples/marks/youpin.jws' && x.code === '91990000MA2H7Q013E')).toBe(true);
  });

  it('every well-formed code in samples/ and test/fixtures/ is in the reserved region, apart from the named real ones', () => {
    const outside = found.filter((x) => parseUscc(x.code).kind === 'uscc' && x.code.slice(2, 8) !== SAMPLE_REGION && !REAL.has(x.code));
    expect(outside).toEqual([]);
  });

  it('the reserved region names no province, and a sample code still passes both checks', () => {
    const r = parseUscc('91990000MA2H7Q013E');
    expect(r).toMatchObject({ valid: true, checksum: 'ok', region: SAMPLE_REGION, province: null });
    expect(r.kind === 'uscc' && r.valid && r.warnings).toEqual(['region 990000 names no province']);
  });
});
