import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  outDir: '.output',
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '信标 XinBiao',
    description: '看清网店背后的经营者与信用：亮照、亮标、信用等级、红黑名单。Who runs this shop, and can I trust them?',
    default_locale: undefined,
    permissions: ['storage'],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'xinbiao@xinbiao.example', data_collection_permissions: { required: ['none'] } },
      },
    }),
  }),
  webExt: { disabled: true },
  vite: () => ({
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
  }),
  zip: {
    excludeSources: ['test/**', 'dist/**', 'bench/**', '*.log', 'audit-report/**'],
  },
});
