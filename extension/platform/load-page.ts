/**
 * The one message of the content-script stub: "this page may hold a shop, inject the heavy part". A constant the
 * stub sends as is (no schema library in the stub); the background parses it (background/inject-page.ts).
 */
export const LOAD_PAGE = { xinbiao: 1, name: 'content:load-page' } as const;

/** File of the heavy part (detection and badge), injected by the background into the asking frame. */
export const PAGE_SCRIPT = '/content-scripts/page.js';
