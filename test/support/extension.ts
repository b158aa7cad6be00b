import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../cli/chromium';

/** The built Chrome extension (`npm run build`). */
export const EXT_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/** Chromium with an unpacked extension loaded (none when `extension` is empty), on its own profile. */
export function launchWithExtension(userDataDir: string, extension: string | undefined = EXT_DIR, options: { acceptDownloads?: boolean } = {}): Promise<BrowserContext> {
  const load = extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : [];
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH, headless: !process.env.HEADED, ...options, args: [...CHROMIUM_FLAGS, ...load],
  });
}

/** The extension's service worker, once it has started. */
export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}

/** The extension id (it depends on the unpacked path, so it is read, never hard-coded). */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  return new URL((await serviceWorkerOf(context)).url()).host;
}
