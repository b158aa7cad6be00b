import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright/test';
import { signMark, decodeMark, type MarkPayload } from '../../../core/marks';
import type { PrivateJwk } from '../../../core/crypto/ed25519';
import { DEMO_PORT, FIXTURE_PORT } from '../../../playwright.config';

const SAMPLES = resolve(import.meta.dirname, '../../../samples');
const sample = (p: string) => readFileSync(resolve(SAMPLES, p), 'utf8').trim();

export const demo = `http://127.0.0.1:${DEMO_PORT}`;
export const fixtures = `http://127.0.0.1:${FIXTURE_PORT}`;
export const samplesIndex = JSON.parse(sample('index.json')) as {
  shops: { slug: string; path: string; shopName: string; name: string; uscc: string | null; kind: string; expectedMark: string; expectedVerdict: string }[];
};

/** The good shop's sample mark, signed again with the demo platform key for the fixture host pages (bound to /hosts/). */
export async function fixtureToken(): Promise<string> {
  const d = decodeMark(sample('marks/youpin.jws'));
  if (!d.ok) throw new Error(d.problem);
  const payload: MarkPayload = { ...d.payload, bind: { origin: fixtures, path: '/hosts/' } };
  return signMark(payload, JSON.parse(sample('keys/demo-platform-2026.private.jwk.json')) as PrivateJwk);
}

/** Serves test/fixtures/hosts pages with the token and the trust material filled in. */
export async function routeHosts(page: Page, token?: string): Promise<void> {
  const t = token ?? (await fixtureToken());
  await page.route('**/hosts/*.html', async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replaceAll('{{TOKEN}}', t).replace('{{TRUST}}', sample('trust/trust.jws')).replace('{{ROOT}}', sample('keys/demo-root-2026.public.jwk.json'));
    await route.fulfill({ response: res, body });
  });
}

/** Waits until a mark has drawn its verified state. */
export async function markSettled(mark: Locator): Promise<void> {
  await mark.locator('button').first().waitFor();
}

/** Collects securitypolicyviolation events from the start of the page. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** Runs axe-core on the page (it checks open shadow roots) and returns the violations. */
export async function axe(page: Page): Promise<{ id: string; nodes: unknown[] }[]> {
  await page.addScriptTag({ path: resolve(import.meta.dirname, '../../../node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => (await (window as unknown as { axe: { run: (o?: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run()).violations);
}
