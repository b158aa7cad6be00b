import { chromium, type Browser } from 'playwright';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, hasChromium } from '../chromium';
import { UsageError } from '../io';

/** A CDP endpoint (Chrome's own /devtools/browser/… or an http debugging address) rather than a Playwright server. */
export const isCdpEndpoint = (endpoint: string) => /^https?:/.test(endpoint) || /\/devtools\/browser\//.test(endpoint);

/** Launches Debian's chromium headless, or connects to a remote one (a Playwright server or a CDP endpoint). */
export async function openBrowser(wsEndpoint?: string, timeout = 30_000): Promise<Browser> {
  if (!wsEndpoint && !hasChromium()) {
    throw new UsageError(`${CHROMIUM_PATH} 处没有浏览器：请安装 Debian 的 chromium（apt-get install -y chromium fonts-wqy-microhei）、设置 CHROMIUM_PATH，或给出 --browser-ws / no browser at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install -y chromium fonts-wqy-microhei), set CHROMIUM_PATH, or give --browser-ws`);
  }
  if (!wsEndpoint) return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true, timeout });
  return isCdpEndpoint(wsEndpoint) ? chromium.connectOverCDP(wsEndpoint, { timeout }) : chromium.connect(wsEndpoint, { timeout });
}
