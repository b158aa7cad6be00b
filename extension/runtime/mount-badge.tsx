import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext, type ShadowRootContentScriptUi } from '#imports';
import { CARD_CSS } from '~~/widget/ui/card.css';
import { MARK_CSS, THEME_CSS } from '~~/widget/ui/theme.css';
import type { Lang } from '~~/widget/ui/types';
import type { SubjectReport } from '../platform/schemas';
import type { Theme } from '../platform/storage';
import { BadgeApp } from './BadgeApp';
import { HOST_TAG } from './watch';

// A zero-size host next to the shop name, the badge floating over the page: the host layout never moves.
const ANCHORED = `:host{position:relative!important;display:inline-block!important;inline-size:0!important;block-size:0!important;overflow:visible!important;vertical-align:top!important}
.xb-pos{position:absolute;inset-block-start:0;inset-inline-start:6px;inline-size:300px;block-size:56px;z-index:2147483646}`;
// No anchor: a fixed corner, out of the flow.
const CORNER = `:host{position:fixed!important;inset-block-end:16px!important;inset-inline-end:16px!important;z-index:2147483646!important;inline-size:300px!important;block-size:56px!important}
.xb-pos{inline-size:300px;block-size:56px}`;

export interface BadgeMount {
  remove(): void;
}

/** Draws the badge for one subject in an open shadow root, after the anchor or in a corner. */
export async function mountBadge(ctx: ContentScriptContext, anchor: Element | null, subject: SubjectReport, lang: Lang, theme: Theme): Promise<BadgeMount> {
  const ui: ShadowRootContentScriptUi<void> = await createShadowRootUi(ctx, {
    name: HOST_TAG,
    mode: 'open',
    position: 'inline',
    anchor: anchor ?? document.documentElement,
    append: anchor ? 'after' : 'last',
    css: [THEME_CSS, MARK_CSS, CARD_CSS, anchor ? ANCHORED : CORNER].join('\n'),
    onMount(container, _shadow, host) {
      if (theme !== 'auto') host.setAttribute('theme', theme);
      host.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
      render(<BadgeApp subject={subject} lang={lang} pageUrl={location.href} />, container);
      if (anchor) {
        keepInView(container);
        ctx.addEventListener(window, 'resize', () => keepInView(container));
      }
    },
    onRemove() {
      render(null, ui.uiContainer);
    },
  });
  ui.mount();
  return { remove: () => ui.remove() };
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
