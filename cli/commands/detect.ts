import { readFile } from 'node:fs/promises';
import { detect, detectionToJson } from '../../core/detect';
import { EXIT, UsageError, emit, parseArgs, say, type Command } from '../io';

const help = `Usage: xinbiao detect <file.html…>

Runs page detection on saved HTML pages (parsed with jsdom, a standards-compliant parser; scripts do not run).
Prints one JSON object per file:
  {"file","subjects":[{"uscc","regNo","name","source","sources","confidence","checksum","role","label","selector"}],
   "marks":[{"kind","href","token","uscc","issuedAt","serial","variant","selector"}],
   "queryWindows":[{"kind","site","name","region","href","selector"}],"shopName"}
source is one of mark, samr-link, adapter, label, json-ld, bare-code (most trusted first); the shop's subjects come
before the platform's (role "platform"). A file that cannot be read prints {"file","error"}.
Exit 0 when every file was read, 1 when any was not, 2 on usage errors.`;

const command: Command = {
  summary: 'find shop operators, marks and query windows in saved pages',
  help,
  async run(args) {
    const { positionals } = parseArgs(args, {});
    if (positionals.length === 0) throw new UsageError('give at least one HTML file');
    // jsdom costs a few hundred ms to load; only this command pays for it.
    const { JSDOM } = await import('jsdom');
    let failed = false;
    for (const file of positionals) {
      let html: string;
      try {
        html = await readFile(file, 'utf8');
      } catch (err) {
        failed = true;
        const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        say(`xinbiao detect: cannot read ${file} (${reason})`);
        emit({ file, error: `cannot read file: ${reason}` });
        continue;
      }
      const dom = new JSDOM(html);
      emit({ file, ...detectionToJson(detect(dom.window.document)) });
      dom.window.close();
    }
    return failed ? EXIT.invalid : EXIT.ok;
  },
};
export default command;
