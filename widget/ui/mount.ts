import { sheet, THEME_CSS } from './theme.css';

export interface ShadowMount {
  root: ShadowRoot;
  /** Replaces what the root shows with these nodes (none: empties it). */
  render(...nodes: Node[]): void;
  /** Adds a stylesheet later (e.g. when a lazily loaded part arrives). */
  adopt(css: string): void;
  unmount(): void;
}

/** Opens (or reuses) an open shadow root on host, adopts the theme plus css, and draws DOM nodes into it. */
export function mountInShadow(host: HTMLElement, css: string[] = []): ShadowMount {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const adopt = (c: string) => {
    const s = sheet(c);
    if (!root.adoptedStyleSheets.includes(s)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, s];
  };
  for (const c of [THEME_CSS, ...css]) adopt(c);
  return {
    root,
    render: (...nodes) => root.replaceChildren(...nodes),
    adopt,
    unmount: () => root.replaceChildren(),
  };
}
