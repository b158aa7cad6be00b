import { CARD_CSS } from '../../widget/ui/card.css';
import { MARK_CSS, THEME_CSS, themeRule } from '../../widget/ui/theme.css';
import type { Lang } from '../../widget/ui/types';
import type { SubjectReport } from '../platform/schemas';
import type { Theme } from '../platform/storage';
import { BadgeApp } from './BadgeApp';
import { placeBeside } from './placement';
import { guardHost, hostTag, type GuardStats } from './watch';

// A zero-size host next to the shop name, the badge floating over the page: the host layout never moves.
const ANCHORED = `:host{position:relative!important;display:inline-block!important;inline-size:0!important;block-size:0!important;overflow:visible!important;vertical-align:top!important;visibility:visible!important;opacity:1!important}
.xb-pos{position:absolute;inset-block-start:0;inset-inline-start:6px;inline-size:300px;block-size:56px;z-index:2147483646}`;
// No anchor (or the page hid it): a fixed corner, out of the flow.
const CORNER = `:host{position:fixed!important;inset-block-end:16px!important;inset-inline-end:16px!important;z-index:2147483646!important;inline-size:300px!important;block-size:56px!important;display:block!important;visibility:visible!important;opacity:1!important}
.xb-pos{inline-size:300px;block-size:56px}`;
// The page covered the badge: the same corner in the top layer (a manual popover), above every z-index of the page.
const TOP = `${CORNER}
:host{inset-block-start:auto!important;inset-inline-start:auto!important;margin:0!important;padding:0!important;border:0!important;background:transparent!important;overflow:visible!important;color:inherit!important}`;

export interface BadgeMount {
  /** The subject drawn (its report key). */
  key: string;
  /** Whether the shopper has the details open now. */
  detailsOpen(): boolean;
  remove(): void;
}

/** What the extension drew on this page, kept in the content scripts' isolated world (the page cannot read it). */
export interface DrawnBadge {
  host: HTMLElement;
  /** Closed: `host.shadowRoot` is null for the page; only this reference reaches inside. */
  root: ShadowRoot;
  level: SubjectReport['level'];
  /** Times the badge was put back after the page removed or moved it. */
  guard: GuardStats;
  /** Times the badge was raised into the top layer because something of the page covered it. */
  raised: number;
}

const KEY = '__xinbiaoBadges';
/** The badges drawn now; end-to-end tests read them through `chrome.scripting.executeScript` (same isolated world). */
export const drawnBadges = (): DrawnBadge[] => ((globalThis as { [KEY]?: DrawnBadge[] })[KEY] ??= []);

/**
 * Draws the badge for one subject in a closed shadow root, after the anchor or in a corner, and keeps it there:
 * removed, moved, restyled or hidden by the page, it is put back (watch.ts guardHost). `openDetails` opens its
 * details at once: a redraw of the same shop keeps open what the shopper opened.
 */
export function mountBadge(anchor: Element | null, subject: SubjectReport, lang: Lang, theme: Theme, openDetails = false): BadgeMount {
  const host = document.createElement(hostTag());
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  const container = document.createElement('div');
  // The language on an element inside, not on the host: a page cannot find the host by an attribute it can predict.
  container.lang = lang === 'zh' ? 'zh-CN' : 'en';
  root.append(style, container);
  container.append(BadgeApp({ subject, lang, pageUrl: location.href }));
  // The host carries no attribute of its own (a chosen theme is a rule inside the closed root, not a host attribute).
  const attrs: Record<string, string> = {};
  const themed = theme === 'auto' ? [] : [themeRule('.xb-pos', theme)];
  // Once the page covered the badge, it stays in the top layer for this page.
  let top = false;
  // Beside the name only where it hides none of the page's text; else in the corner (placement.ts).
  let cornered = false;
  const css = (at: Element | null) => [THEME_CSS, MARK_CSS, CARD_CSS, ...themed, top ? TOP : at && !cornered ? ANCHORED : CORNER].join('\n');
  const place = (at: Element | null) => {
    style.textContent = css(at);
    // Where the guard expects it in the document; in the top layer it is drawn in the corner wherever it sits.
    if (at) at.after(host);
    else document.documentElement.append(host);
    if (top) raise();
    else if (at) beside(at);
  };
  const beside = (at: Element) => {
    cornered = false;
    style.textContent = css(at);
    const pos = container.querySelector<HTMLElement>('.xb-pos');
    if (!pos || placeBeside(pos, host)) return;
    cornered = true;
    pos.style.removeProperty('translate');
    pos.style.removeProperty('inline-size');
    style.textContent = css(at);
  };
  const raise = () => {
    if (typeof host.showPopover !== 'function') return;
    attrs.popover = 'manual';
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    // Showing again puts it last in the top layer, above what the page put there since.
    if (host.matches(':popover-open')) host.hidePopover();
    host.showPopover();
    drawn.raised++;
  };
  // What the shopper would click at the badge's centre must be the badge, not something the page drew over it.
  const uncover = () => {
    const r = container.querySelector('.xb-pos')?.getBoundingClientRect();
    if (!r || r.width === 0 || r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return;
    const x = Math.min(Math.max((r.left + r.right) / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max((r.top + r.bottom) / 2, 0), innerHeight - 1);
    if (document.elementFromPoint(x, y) === host) return;
    top = true;
    container.querySelector<HTMLElement>('.xb-pos')?.style.removeProperty('translate');
    style.textContent = css(null);
    raise();
  };
  // Once per frame however many resize events come: placement reads the layout around the name.
  let frame = 0;
  const onResize = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (anchor && !top && host.previousSibling === anchor) beside(anchor);
    });
  };
  window.addEventListener('resize', onResize);
  const drawn: DrawnBadge = { host, root, level: subject.level, guard: { redraws: 0 }, raised: 0 };
  drawnBadges().push(drawn);
  const stop = guardHost(host, attrs, anchor, place, uncover, drawn.guard);
  if (openDetails) root.querySelector<HTMLButtonElement>('button[aria-haspopup="dialog"]')?.click();
  return {
    key: subject.key,
    detailsOpen: () => root.querySelector('dialog[open]') !== null,
    remove() {
      stop();
      window.removeEventListener('resize', onResize);
      cancelAnimationFrame(frame);
      container.replaceChildren();
      host.remove();
      const all = drawnBadges();
      all.splice(all.indexOf(drawn), 1);
    },
  };
}
