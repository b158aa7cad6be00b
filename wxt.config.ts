import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SITES, contentExcludes, contentMatches, hostMatches } from './extension/sites';
import { shopProbe } from './extension/runtime/may-hold-shop';

const SAMPLES = resolve(import.meta.dirname, 'samples');
// The demo lists, trust list and root key ship inside the extension (public/samples/), copied from samples/ at build.
const bundledSamples = () => [
  ...readdirSync(resolve(SAMPLES, 'lists')).map((f) => ({ absoluteSrc: resolve(SAMPLES, 'lists', f), relativeDest: `samples/lists/${f}` })),
  { absoluteSrc: resolve(SAMPLES, 'trust/trust.jws'), relativeDest: 'samples/trust.jws' },
  { absoluteSrc: resolve(SAMPLES, 'keys/demo-root-2026.public.jwk.json'), relativeDest: 'samples/root.public.jwk.json' },
];

// Test build only (XINBIAO_TEST_GRANT_ALL=1): '<all_urls>' is granted at install, so tests reach audit screenshots.
const GRANT_ALL = process.env.XINBIAO_TEST_GRANT_ALL === '1';

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  ...(GRANT_ALL && { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-grants' }),
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '信标 XinBiao',
    description: '看清网店背后的经营者与信用：亮照、亮标、信用等级、红黑名单。Who runs this shop, and can I trust them?',
    default_locale: undefined,
    // scripting: the content script's small first part has the background inject detection and the badge on demand.
    // activeTab: audit mode opened from the popup ("审查此页") may screenshot that tab without asking for '<all_urls>'.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab'],
    // Supported platforms and the localhost demo pages; anything else only after the shopper grants it.
    host_permissions: [...hostMatches(SITES), ...(GRANT_ALL ? ['<all_urls>'] : [])],
    // The small first part (entrypoints/shop) only on the adapters' shop/item/licence pages; written here so
    // the script itself carries no adapter data.
    content_scripts: [
      { matches: contentMatches(SITES), exclude_matches: contentExcludes(SITES), js: ['shop.js'], run_at: 'document_idle' },
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
    'build:publicAssets': (_wxt, files) => {
      files.push(...bundledSamples());
    },
  },
  webExt: { disabled: true },
  vite: () => ({
    define: { __XINBIAO_PROBE__: JSON.stringify(shopProbe(SITES)) },
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  }),
  zip: {
    excludeSources: ['test/**', 'dist/**', 'bench/**', '*.log', 'audit-report/**'],
  },
});
