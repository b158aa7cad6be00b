// The content script comes in parts, injected by the background into the asking frame (background/inject-page.ts):
// the small first part asks for the detection part, the detection part for the badge UI. Each request is a constant
// sent as is (no schema library in the senders); the background parses it.

/** "This page may hold a shop": inject detection and messaging. */
export const LOAD_PAGE = { xinbiao: 1, name: 'content:load-page' } as const;
/** "There is a subject to draw": inject the badge UI (Preact, badge, licence card). */
export const LOAD_BADGE = { xinbiao: 1, name: 'content:load-badge' } as const;

/** Files injected for each request. */
export const PART_FILES = {
  'content:load-page': '/page.js',
  'content:load-badge': '/badge.js',
} as const;
