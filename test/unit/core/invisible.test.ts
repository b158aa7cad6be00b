import { JSDOM } from 'jsdom';
import { detect } from '../../../core/detect';
import { normaliseCode, normaliseName, parseUscc, sameName, stripInvisible } from '../../../core/identifiers';
import { labelledFields } from '../../../core/detect/labels';

// The black-listed sample operator (samples/lists/demo-black.ndjson).
const NAME = '深圳示例失信贸易有限公司';
const USCC = '91990000MA5G3R035Y';

/** One character of each class that renders as nothing or only steers direction. */
const CLASSES: [string, string][] = [
  ['zero-width space U+200B', '\u200B'],
  ['zero-width joiner U+200D', '\u200D'],
  ['word joiner U+2060', '\u2060'],
  ['soft hyphen U+00AD', '\u00AD'],
  ['byte order mark U+FEFF', '\uFEFF'],
  ['right-to-left override U+202E', '\u202E'],
  ['left-to-right isolate U+2066', '\u2066'],
  ['variation selector U+FE0F', '\uFE0F'],
  ['tag letter A U+E0041', '\u{E0041}'],
];

const within = (s: string, ch: string, at: number) => `${s.slice(0, at)}${ch}${s.slice(at)}`;

describe('invisible characters are removed before names and codes are matched', () => {
  it.each(CLASSES)('%s inside a name: the same name', (_, ch) => {
    const hidden = within(NAME, ch, 4);
    expect(hidden).not.toBe(NAME);
    expect(normaliseName(hidden)).toBe(normaliseName(NAME));
    expect(sameName(hidden, `${ch}${NAME}${ch}`)).toBe(true);
  });

  it.each(CLASSES)('%s inside a code: the same valid code', (_, ch) => {
    const hidden = within(USCC, ch, 9);
    expect(normaliseCode(hidden)).toBe(USCC);
    expect(parseUscc(hidden)).toMatchObject({ code: USCC, valid: true });
  });

  it.each(CLASSES)('%s inside a labelled code and name on a page: both are read', (_, ch) => {
    const text = `公司名称：${within(NAME, ch, 6)}\n统一社会信用代码：${within(USCC, ch, 5)}\n`;
    const fields = labelledFields(text);
    expect(fields.map((f) => [f.field, f.field === 'name' ? normaliseName(f.value) : f.value])).toEqual([['name', normaliseName(NAME)], ['code', USCC]]);
  });

  it('keeps visible differences: another name or another code stays different', () => {
    expect(sameName(`${NAME}\u200D`, '深圳示例守信贸易有限公司')).toBe(false);
    expect(normaliseCode(`91990000MA5G3R035\u200B9`)).not.toBe(USCC);
    expect(stripInvisible('a\u200Bb\u202Ec\u{E0041}d')).toBe('abcd');
  });

  it('detection finds the code and the name when a page hides a ZWSP in the code and a ZWJ in the name', () => {
    const doc = new JSDOM(`<!doctype html><html><body><ul class="qualification">
      <li>公司名称：深圳示例失信\u200D贸易有限公司</li><li>统一社会信用代码：919900\u200B00MA5G3R035Y</li></ul></body></html>`).window.document;
    const [subject] = detect(doc).subjects;
    expect(subject?.uscc).toBe(USCC);
    expect(sameName(subject?.name ?? '', NAME)).toBe(true);
  });
});
