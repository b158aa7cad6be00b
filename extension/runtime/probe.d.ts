import type { ShopProbe } from './may-hold-shop';

declare global {
  /** shopProbe(SITES), written into the content scripts at build time (wxt.config.ts `define`). */
  const __XINBIAO_PROBE__: ShopProbe;
}
