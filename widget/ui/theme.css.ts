// The theme variables, light and dark (each overridable by the host page's --xb-* properties).
const LIGHT = '--bg:var(--xb-bg,#fff);--fg:var(--xb-fg,#1d2330);--mute:var(--xb-muted,#5b6472);--line:var(--xb-border,#cfd5de);'
  + '--good:var(--xb-good,#137333);--neutral:var(--xb-neutral,#3a5a8c);--caution:var(--xb-caution,#8a5300);'
  + '--danger:var(--xb-danger,#b3261e);--unknown:var(--xb-unknown,#5b6472);--focus:var(--xb-focus,#1a56db);';
const DARK = '--bg:var(--xb-bg,#1c2027);--fg:var(--xb-fg,#e8eaed);--mute:var(--xb-muted,#a8b0bd);--line:var(--xb-border,#3c4350);'
  + '--good:var(--xb-good,#6fd08c);--neutral:var(--xb-neutral,#8fb4f0);--caution:var(--xb-caution,#f0b45a);'
  + '--danger:var(--xb-danger,#ff8a80);--unknown:var(--xb-unknown,#a8b0bd);--focus:var(--xb-focus,#8ab4f8)';

/**
 * A chosen theme set on an element inside the shadow root rather than on the host (the extension's badge: a page
 * must not read the shopper's choice off an attribute). Its descendants, the card included, inherit it.
 */
export const themeRule = (selector: string, theme: 'light' | 'dark'): string => `${selector}{${theme === 'dark' ? DARK : LIGHT};color:var(--fg)}`;

// Shared by every shadow root: host reset (host CSS cannot reach in; `all` leaves direction alone, so it is set: an
// RTL host page does not mirror the mark) and the theme variables.
// Size constants must match xinbiao.css, which reserves the same box before the script runs.
export const THEME_CSS = `
:host{all:initial!important;direction:ltr!important;unicode-bidi:isolate!important;display:inline-block!important;box-sizing:border-box!important;vertical-align:middle!important;
contain:layout style!important;font:14px/1.4 var(--xb-font,system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif)!important;
${LIGHT}--r:var(--xb-radius,8px);color:var(--fg)!important}
:host([hidden]){display:none!important}
:host([theme=dark]){${DARK}}
@media (prefers-color-scheme:dark){:host(:not([theme])),:host([theme=auto]){${DARK}}}
:host([theme=host]){--bg:var(--xb-bg,transparent);--fg:var(--xb-fg,currentColor);color:inherit!important;font:inherit!important}
*,*::before,*::after{box-sizing:border-box}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.good{--tone:var(--good)}.neutral{--tone:var(--neutral)}.caution{--tone:var(--caution)}.danger{--tone:var(--danger)}.unknown{--tone:var(--unknown)}
.ico{flex:none;display:inline-grid;place-items:center;inline-size:28px;block-size:28px;border-radius:50%;background:var(--tone);color:var(--bg);font-weight:700}
:host([theme=host]) .ico{color:#fff}
.sr{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (prefers-reduced-motion:no-preference){.fade{animation:f .15s ease-out}@keyframes f{from{opacity:0}}}
`;

/** The mark: a fixed box (no layout shift), one button filling it. */
export const MARK_CSS = `
:host{inline-size:min(100%,300px)!important;block-size:56px!important}
.b{all:unset;box-sizing:border-box;display:flex;align-items:center;gap:8px;inline-size:100%;block-size:100%;padding:6px 10px;cursor:pointer;
background:var(--bg);border:1px solid var(--line);border-inline-start:4px solid var(--tone);border-radius:var(--r);color:var(--fg)}
.b:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.t{display:flex;flex-direction:column;min-inline-size:0}
.n,.d{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.n{font-weight:600}.d{font-size:12px;color:var(--mute)}
.w .d{color:var(--tone);font-weight:600}
.sk{inline-size:100%;block-size:100%;border:1px solid var(--line);border-radius:var(--r);background:var(--bg)}
`;

const cache = new Map<string, CSSStyleSheet>();

/** One constructable sheet per CSS text, shared by all roots: no <style>, no inline styles, nothing for CSP to block. */
export function sheet(css: string): CSSStyleSheet {
  let s = cache.get(css);
  if (!s) {
    s = new CSSStyleSheet();
    s.replaceSync(css);
    cache.set(css, s);
  }
  return s;
}
