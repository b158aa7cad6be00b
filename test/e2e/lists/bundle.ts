import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { Page } from 'playwright/test';

const ENTRY = resolve(import.meta.dirname, '../../fixtures/lists-harness/harness.ts');
let code: Promise<string> | undefined;

/** The list importer bundled for the page, built once per run and served in place of harness.js. */
export function harnessBundle(): Promise<string> {
  code ??= build({ entryPoints: [ENTRY], bundle: true, format: 'iife', target: 'chrome120', write: false, logLevel: 'silent' }).then((r) => r.outputFiles[0]!.text);
  return code;
}

export async function serveHarness(page: Page): Promise<void> {
  const body = await harnessBundle();
  await page.route('**/lists-harness/harness.js', (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body }));
}
