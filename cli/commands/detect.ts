import { readFile } from 'node:fs/promises';
import { detectionToJson } from '../../core/detect';
import { SITES } from '../../extension/sites';
import { detectWithSite } from '../../extension/sites/detect-site';
import { decodeHtml } from '../decode';
import { systemReason } from './keys';
import { EXIT, UsageError, both, emit, parseArgs, say, strFlag, type Command } from '../io';

const help = `Usage: xinbiao detect [--site ID] [--url URL] <file.html…>

Runs page detection on saved HTML pages (parsed with jsdom, a standards-compliant parser; scripts do not run).
Each file is decoded as a browser would: a byte order mark, else <meta charset>, else <meta http-equiv=
"Content-Type"> (GBK, GB2312, GB18030, Big5, UTF-8 …); a page that declares nothing is read as UTF-8.

Options:
  --site ID   also apply that platform's adapter (${SITES.map((s) => s.id).join(', ')}): its selectors, and its ways
              to the shop name, shop id and an operator the page embeds in its own data
  --url URL   the address the pages were saved from (the adapter reads shop ids from it)

Prints one JSON object per file:
  {"file","subjects":[{"uscc","regNo","name","source","sources","confidence","checksum","role","label","selector"}],
   "marks":[{"kind","href","token","uscc","issuedAt","serial","variant","selector"}],
   "queryWindows":[{"kind","site","name","region","href","selector"}],"shopName"}
source is one of mark, samr-link, adapter, label, json-ld, bare-code, copyright (most trusted first); the shop's subjects come
before the platform's (role "platform"). With --site, also "shop":{"name","id","operator","licenceUrl"}.
A file that cannot be read prints {"file","error"}.
Exit 0 when every file was read, 1 when any was not, 2 on usage errors.`;

const command: Command = {
  summary: 'find shop operators, marks and query windows in saved pages',
  help,
  async run(args) {
    const parsed = parseArgs(args, { values: ['site', 'url'] });
    const { positionals } = parsed;
    if (positionals.length === 0) throw new UsageError(both('请至少给出一个 HTML 文件', 'give at least one HTML file'));
    const siteId = strFlag(parsed, 'site');
    const site = siteId === undefined ? undefined : SITES.find((s) => s.id === siteId);
    if (siteId !== undefined && !site) {
      const ids = SITES.map((s) => s.id).join(', ');
      throw new UsageError(both(`未知的 --site ${siteId}（可选：${ids}）`, `unknown --site ${siteId} (${ids})`));
    }
    const url = strFlag(parsed, 'url') ?? 'about:blank';
    if (url !== 'about:blank' && !URL.canParse(url)) throw new UsageError(both('--url 须为完整网址', '--url takes an absolute URL'));
    // jsdom costs a few hundred ms to load; only this command pays for it.
    const { JSDOM } = await import('jsdom');
    let failed = false;
    for (const file of positionals) {
      let html: string;
      try {
        html = decodeHtml(await readFile(file)).text;
      } catch (err) {
        failed = true;
        const reason = systemReason(err);
        say(`xinbiao detect: ${both(`无法读取 ${file}（${reason}）`, `cannot read ${file} (${reason})`)}`);
        emit({ file, error: `cannot read file: ${reason}` });
        continue;
      }
      const dom = new JSDOM(html, { url });
      const { result, shop } = detectWithSite(dom.window.document, site, url);
      const json = detectionToJson(result);
      emit(site ? { file, ...json, shop: { name: shop.shopName, id: shop.shopId, operator: shop.operator, licenceUrl: shop.licenceUrl } } : { file, ...json });
      dom.window.close();
    }
    return failed ? EXIT.invalid : EXIT.ok;
  },
};
export default command;
