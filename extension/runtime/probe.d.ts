import type { ShopProbe } from './may-hold-shop';

declare global {
  /** shopProbe(SITES), written into the first part at build time (wxt.config.ts firstParts). */
  const __XINBIAO_PROBE__: ShopProbe;
}
