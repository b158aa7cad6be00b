import { identify } from '../../core/identifiers';
import { EXIT, UsageError, both, emit, parseArgs, type Command } from '../io';

const help = `Usage: xinbiao check [--stdin] <code…>

Parses each code: 统一社会信用代码 (18 characters), 15-digit 工商注册号, or 9-character 组织机构代码.
Lower case, full-width characters and surrounding spaces are normalised first.
Prints one JSON object per code:
  {"input","kind":"uscc"|"regno15"|"orgcode"|"unknown","valid":bool,"checksum":"ok"|"mismatch"|"n/a", …}
USCCs add their parts: department, category, region, province, orgCode (with names). An invalid code says
why in "reason" (English) and "reasonZh" (中文：无效原因).
--stdin reads codes one per line from standard input as well.
Exit 0 when every code is valid, 1 when any is not, 2 on usage errors.`;

const command: Command = {
  summary: 'parse and validate identifiers',
  help,
  async run(args) {
    const { positionals, flags } = parseArgs(args, { booleans: ['stdin'] });
    const inputs = [...positionals];
    if (flags.has('stdin')) {
      let text = '';
      for await (const chunk of process.stdin) text += chunk;
      inputs.push(...text.split(/\r?\n/).filter((l) => l.trim() !== ''));
    }
    if (inputs.length === 0) throw new UsageError(both('请至少给出一个代码', 'give at least one code'));
    let allValid = true;
    for (const input of inputs) {
      const result = identify(input);
      if (!result.valid) allValid = false;
      emit({ input, ...result });
    }
    return allValid ? EXIT.ok : EXIT.invalid;
  },
};
export default command;
