import { startStub } from '../../runtime/stub';

// The small first part on the adapters' shop/item/licence pages (and their recorded copies on localhost). Its
// manifest entry is written in wxt.config.ts from the adapters, so that no adapter data ships in this file.
// Detection and the badge are injected later, by the background, once the page may hold a shop.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  main: startStub,
});
