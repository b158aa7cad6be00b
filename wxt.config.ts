import { build } from 'esbuild';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SITES, contentExcludes, contentMatches, hostMatches } from './extension/sites';
import { TEST_HOSTS } from './extension/sites/define-site';
import { shopProbe } from './extension/runtime/shop-probe';
import { sideEffectsOutsideCore } from './scripts/pure-core';

const SAMPLES = resolve(import.meta.dirname, 'samples');

// XINBIAO_EDITION=release (npm run build:release, after scripts/release-trust.ts accepted the trust files): what may be
// published. Anything else is the demo build, which trusts the sample keys and says so everywhere.
const RELEASE = process.env.XINBIAO_EDITION === 'release';
// Test build only (XINBIAO_TEST_GRANT_ALL=1): '<all_urls>' is granted at install, so tests reach audit screenshots.
const GRANT_ALL = process.env.XINBIAO_TEST_GRANT_ALL === '1';
if (RELEASE && GRANT_ALL) throw new Error('正式版不能带测试权限 / a release build cannot carry the test grants');

/** The trust root and list a release is built from; the root is written back with its public members only. */
function releaseTrust() {
  const root = process.env.XINBIAO_TRUST_ROOT;
  const list = process.env.XINBIAO_TRUST_LIST;
  if (!root || !list) throw new Error('正式版需要 XINBIAO_TRUST_ROOT 与 XINBIAO_TRUST_LIST / a release build needs XINBIAO_TRUST_ROOT and XINBIAO_TRUST_LIST');
  const { kty, crv, x, kid } = JSON.parse(readFileSync(resolve(root), 'utf8')) as Record<string, string>;
  return [
    { contents: JSON.stringify({ kty, crv, x, ...(kid ? { kid } : {}) }), relativeDest: 'trust/root.public.jwk.json' },
    { absoluteSrc: resolve(list), relativeDest: 'trust/trust.jws' },
  ];
}

// The demo ships the sample lists, trust list and root key (public/trust/, public/samples/), copied from samples/.
const demoTrust = () => [
  ...readdirSync(resolve(SAMPLES, 'lists')).map((f) => ({ absoluteSrc: resolve(SAMPLES, 'lists', f), relativeDest: `samples/lists/${f}` })),
  { absoluteSrc: resolve(SAMPLES, 'trust/trust.jws'), relativeDest: 'trust/trust.jws' },
  { absoluteSrc: resolve(SAMPLES, 'keys/demo-root-2026.public.jwk.json'), relativeDest: 'trust/root.public.jwk.json' },
];

/**
 * The small first part, once as the manifest's content script (shop.js) and once for any site (generic.js, registered
 * by the background): bundled here as a bare script, not as a WXT unlisted script, whose logger and runner wrapper
 * are compiled on every listed page and cost about a fifth of the part's time on a page without a shop (bench
 * content-idle).
 */
async function firstParts(): Promise<{ contents: string; relativeDest: string }[]> {
  const out = await build({
    stdin: { contents: "import { runStub } from './extension/runtime/stub'; runStub(__XINBIAO_PROBE__);", resolveDir: import.meta.dirname, loader: 'ts' },
    define: { __XINBIAO_PROBE__: JSON.stringify(shopProbe(SITES)) },
    bundle: true, format: 'iife', target: ['chrome120', 'firefox128'], minify: true, legalComments: 'none', write: false,
    // V8's explicit compile hint: its functions are compiled with the script, not parsed twice on first call (−25%).
    banner: { js: '//# allFunctionsCalledOnLoad' },
  });
  const contents = out.outputFiles[0]!.text;
  return ['shop.js', 'generic.js'].map((relativeDest) => ({ contents, relativeDest }));
}

// The recorded platform pages on the localhost test hosts: the demo only.
const published = (patterns: string[]) =>
  RELEASE ? patterns.filter((p) => !TEST_HOSTS.some((h) => new RegExp(`^[*a-z]+://${h.replace(/\./g, '\\.')}[:/]`).test(p))) : patterns;

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: RELEASE ? '.output/release' : '.output',
  ...(GRANT_ALL && { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-grants' }),
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: RELEASE ? '信标 XinBiao' : '信标 XinBiao (demo)（演示版）',
    description: `${RELEASE ? '' : '演示版，信任公开的示例密钥，请勿用于真实购物判断。Demo build: trusts public sample keys. '}看清网店背后的经营者与信用：亮照、亮标、信用等级、红黑名单。Who runs this shop, and can I trust them?`,
    default_locale: undefined,
    // scripting: the content script's small first part has the background inject detection and the badge on demand.
    // activeTab: audit mode opened from the popup ("审查此页") may screenshot that tab without asking for '<all_urls>'.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    // Supported platforms (and, in the demo, the localhost test hosts); anything else only after the shopper grants it.
    host_permissions: [...published(hostMatches(SITES)), ...(GRANT_ALL ? ['<all_urls>'] : [])],
    // The small first part (firstParts above) only on the adapters' shop/item/licence pages; written here so
    // the script itself carries no adapter data.
    content_scripts: [
      { matches: published(contentMatches(SITES)), exclude_matches: published(contentExcludes(SITES)), js: ['shop.js'], run_at: 'document_idle' },
    ],
    // '<all_urls>': audit mode's screenshots (captureVisibleTab), asked for only when the inspector allows screenshots.
    optional_host_permissions: ['*://*/*', '<all_urls>'],
    action: { default_title: '信标 XinBiao' },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'xinbiao@xinbiao.example', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  hooks: {
    'build:publicAssets': async (_wxt, files) => {
      files.push(...(RELEASE ? releaseTrust() : demoTrust()), ...(await firstParts()));
    },
  },
  webExt: { disabled: true },
  vite: () => ({
    define: { __XINBIAO_DEMO__: JSON.stringify(!RELEASE) },
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    build: { rollupOptions: { treeshake: { moduleSideEffects: sideEffectsOutsideCore(import.meta.dirname) } } },
  }),
  zip: {
    // The demo's zips say so in their names; a release's sources carry no sample key, list or test.
    ...(RELEASE ? {} : { artifactTemplate: '{{name}}-{{version}}-demo-{{browser}}.zip', sourcesTemplate: '{{name}}-{{version}}-demo-sources.zip' }),
    excludeSources: ['test/**', 'dist/**', 'bench/**', '*.log', 'audit-report/**', ...(RELEASE ? ['samples/**', 'scripts/gen-samples.ts'] : [])],
  },
});
