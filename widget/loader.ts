// dist/widget/xinbiao.js: the one-line embed. A classic script that imports xinbiao.mjs from its own folder,
// so the page needs one tag and the rest arrives as same-origin modules (works under script-src 'self').
import type { XinBiaoApi } from './api';

declare global {
  interface Window { XinBiao?: XinBiaoApi }
}

(() => {
  if (window.XinBiao) return; // included twice: the first copy already runs
  const script = (document.currentScript as HTMLScriptElement | null)?.src
    || document.querySelector<HTMLScriptElement>('script[src*="xinbiao.js"]')?.src || location.href;
  const ready = import(/* @vite-ignore */ new URL('xinbiao.mjs', script).href).then((m: { default: XinBiaoApi }) => m.default);
  window.XinBiao = {
    version: '0.1.0',
    ready,
    update: (el, token) => ready.then((a) => a.update(el, token)),
    scan: (root) => ready.then((a) => a.scan(root)),
  };
})();
