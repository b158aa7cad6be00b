import { render } from 'preact';
import { CARD_CSS } from '~~/widget/ui/card.css';
import { MARK_CSS, THEME_CSS } from '~~/widget/ui/theme.css';
import type { Lang } from '~~/widget/ui/types';
import type { SubjectReport } from '../platform/schemas';
import type { Theme } from '../platform/storage';
import { BadgeApp } from './BadgeApp';
import { guardHost, HOST_TAG } from './watch';

// A zero-size host next to the shop name, the badge floating over the page: the host layout never moves.
const ANCHORED = `:host{position:relative!important;display:inline-block!important;inline-size:0!important;block-size:0!important;overflow:visible!important;vertical-align:top!important;visibility:visible!important;opacity:1!important}
.xb-pos{position:absolute;inset-block-start:0;inset-inline-start:6px;inline-size:300px;block-size:56px;z-index:2147483646}`;
// No anchor (or the page hid it): a fixed corner, out of the flow.
const CORNER = `:host{position:fixed!important;inset-block-end:16px!important;inset-inline-end:16px!important;z-index:2147483646!important;inline-size:300px!important;block-size:56px!important;display:block!important;visibility:visible!important;opacity:1!important}
.xb-pos{inline-size:300px;block-size:56px}`;

export interface BadgeMount {
  remove(): void;
}

/** What the extension drew on this page, kept in the content scripts' isolated world (the page cannot read it). */
export interface DrawnBadge {
  host: HTMLElement;
  /** Closed: `host.shadowRoot` is null for the page; only this reference reaches inside. */
  root: ShadowRoot;
  level: SubjectReport['level'];
}

const KEY = '__xinbiaoBadges';
/** The badges drawn now; end-to-end tests read them through `chrome.scripting.executeScript` (same isolated world). */
export const drawnBadges = (): DrawnBadge[] => ((globalThis as { [KEY]?: DrawnBadge[] })[KEY] ??= []);

/**
 * Draws the badge for one subject in a closed shadow root, after the anchor or in a corner, and keeps it there:
 * removed, moved, restyled or hidden by the page, it is put back (watch.ts guardHost).
 */
export function mountBadge(anchor: Element | null, subject: SubjectReport, lang: Lang, theme: Theme): BadgeMount {
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  const container = document.createElement('div');
  root.append(style, container);
  render(<BadgeApp subject={subject} lang={lang} pageUrl={location.href} />, container);
  const attrs = { ...(theme !== 'auto' ? { theme } : {}), lang: lang === 'zh' ? 'zh-CN' : 'en' };
  const place = (at: Element | null) => {
    style.textContent = [THEME_CSS, MARK_CSS, CARD_CSS, at ? ANCHORED : CORNER].join('\n');
    if (at) at.after(host);
    else document.documentElement.append(host);
    if (at) keepInView(container);
  };
  const onResize = () => { if (anchor) keepInView(container); };
  window.addEventListener('resize', onResize);
  const drawn: DrawnBadge = { host, root, level: subject.level };
  drawnBadges().push(drawn);
  const stop = guardHost(host, attrs, anchor, place);
  return {
    remove() {
      stop();
      window.removeEventListener('resize', onResize);
      render(null, container);
      host.remove();
      const all = drawnBadges();
      all.splice(all.indexOf(drawn), 1);
    },
  };
}

// Space kept between the badge and the viewport's edges (CSS px).
const EDGE = 8;

/**
 * The badge floats beside the shop name; where that would run past the viewport's left or right edge (a name at
 * the right end of a crumb bar, a 390 px phone), it is moved back inside, and narrowed when the viewport is narrower.
 */
function keepInView(root: ParentNode): void {
  const pos = root.querySelector<HTMLElement>('.xb-pos');
  if (!pos) return;
  pos.style.translate = '';
  pos.style.inlineSize = '';
  const width = document.documentElement.clientWidth;
  if (pos.getBoundingClientRect().width > width - 2 * EDGE) pos.style.inlineSize = `${Math.max(0, width - 2 * EDGE)}px`;
  const r = pos.getBoundingClientRect();
  const shift = r.right > width - EDGE ? width - EDGE - r.right : r.left < EDGE ? EDGE - r.left : 0;
  if (shift) pos.style.translate = `${Math.round(shift)}px 0`;
}
