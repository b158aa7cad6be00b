import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MatchPattern } from '@webext-core/match-patterns';
import { SITES, siteFor } from '../../../extension/sites';
import { adapterOf, realUrls } from '../../support/real-pages';

const ROOT = resolve(import.meta.dirname, '../../..');
const URLS = realUrls();

// Read from the built manifests (npm run build), with WXT's own match-pattern library: what the browsers are told.
function injector(browser: 'chrome-mv3' | 'firefox-mv3') {
  const manifest = JSON.parse(readFileSync(resolve(ROOT, '.output', browser, 'manifest.json'), 'utf8'));
  const [script] = manifest.content_scripts as { matches: string[]; exclude_matches?: string[] }[];
  const include = script!.matches.map((p) => new MatchPattern(p));
  const exclude = (script!.exclude_matches ?? []).map((p) => new MatchPattern(p));
  const hosts = (manifest.host_permissions as string[]).map((p) => new MatchPattern(p));
  return {
    injected: (url: string) => include.some((p) => p.includes(url)) && !exclude.some((p) => p.includes(url)),
    granted: (url: string) => hosts.some((p) => p.includes(url)),
  };
}

describe('real URLs of the five platforms (../shared/real-pages/urls.txt)', () => {
  it('the list is there and holds shop, item, licence and not-shop URLs', () => {
    expect(URLS.length).toBe(69);
    expect(new Set(URLS.map((u) => u.kind))).toEqual(new Set(['item', 'shop', 'licence', 'not-shop']));
  });

  for (const browser of ['chrome-mv3', 'firefox-mv3'] as const) {
    describe(`built ${browser} manifest`, () => {
      const m = injector(browser);
      it.each(URLS.map((u) => [u.url, u.platform, u.kind] as const))('%s (%s %s)', (url, _platform, kind) => {
        expect(m.injected(url)).toBe(kind !== 'not-shop');
        // Every page the first part runs on is inside the host permissions (the background injects detection there).
        if (kind !== 'not-shop') expect(m.granted(url)).toBe(true);
      });
    });
  }

  it.each(URLS.filter((u) => u.kind !== 'not-shop').map((u) => [u.url, adapterOf(u.platform)] as const))(
    'the content script picks the right adapter on %s', (url, id) => expect(siteFor(url, SITES)?.id).toBe(id));

  it.each(URLS.filter((u) => u.kind === 'not-shop').map((u) => u.url))('no adapter claims %s', (url) =>
    expect(siteFor(url, SITES)).toBeUndefined());
});
