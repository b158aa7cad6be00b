import type { XinbiaoMark } from './elements/mark';

/** The JavaScript API for client-rendered platforms, on `window.XinBiao` and as ESM exports. */
export interface XinBiaoApi {
  version: string;
  /** Resolves once the elements are defined. */
  ready: Promise<XinBiaoApi>;
  /** Sets a new token on a mark (or a USCC with the endpoint) and resolves when it is drawn. */
  update(el: Element, token: string): Promise<void>;
  /** Re-checks every mark under root (default: the document), e.g. after an SPA changed the URL. */
  scan(root?: ParentNode): Promise<void>;
}

type Refreshable = Element & Partial<Pick<XinbiaoMark, 'refresh' | 'rendered'>>;

export async function update(el: Element, token: string): Promise<void> {
  el.setAttribute('token', token);
  const m = el as Refreshable;
  await m.refresh?.();
}

export async function scan(root: ParentNode = document): Promise<void> {
  await Promise.all([...root.querySelectorAll<Refreshable>('xinbiao-mark')].map((m) => m.refresh?.()));
}
