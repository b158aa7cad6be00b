import { runStub } from '../../runtime/stub';

// The small first part on the adapters' shop/item/licence pages (and their recorded copies on localhost). Its
// manifest entry (content_scripts) is written in wxt.config.ts from the adapters; a plain script, without WXT's
// content-script context, so that a page without a shop pays next to nothing (bench content-idle).
// Detection and the badge are injected later, by the background, once the page may hold a shop.
export default defineUnlistedScript(() => runStub(__XINBIAO_PROBE__));
