import { mountInShadow, type ShadowMount } from '../ui/mount';
import { pickLang } from '../ui/i18n';

// Must match xinbiao.css: the window keeps one box before and after its UI arrives (no layout shift).
const HOST_CSS = ':host{display:block!important;inline-size:min(100%,480px)!important;min-block-size:188px!important}';

/** `<xinbiao-query>`: the credit-query window. The element is tiny; its UI loads when it first connects. */
export class XinbiaoQuery extends HTMLElement {
  static observedAttributes = ['endpoint', 'lang', 'sites'];
  #ui?: ShadowMount;
  /** What the shopper typed: an attribute change redraws the window, not the text. */
  #value = '';
  rendered: Promise<void> = Promise.resolve();

  connectedCallback(): void {
    this.#ui ??= mountInShadow(this, [HOST_CSS]);
    this.rendered = this.#draw();
  }

  attributeChangedCallback(): void {
    if (this.isConnected && this.#ui) this.rendered = this.#draw();
  }

  disconnectedCallback(): void {
    this.#ui?.unmount();
  }

  async #draw(): Promise<void> {
    const { QueryWindow, QUERY_CSS, pickSites } = await import('../lazy');
    if (!this.#ui || !this.isConnected) return;
    this.#ui.adopt(QUERY_CSS);
    // A redraw replaces the box: the shopper who was typing keeps the focus and the caret where they were.
    const was = this.#ui.root.activeElement as HTMLInputElement | null;
    const at = was?.localName === 'input' ? ([was.selectionStart, was.selectionEnd] as const) : undefined;
    this.#ui.render(QueryWindow({
      lang: pickLang(this),
      sites: pickSites(this.getAttribute('sites')?.split(/[\s,]+/)),
      endpoint: this.getAttribute('endpoint') || undefined,
      value: this.#value,
      onValue: (v) => { this.#value = v; },
    }));
    const box = this.#ui.root.querySelector('input');
    if (at && box) { box.focus(); box.setSelectionRange(at[0], at[1]); }
  }
}
