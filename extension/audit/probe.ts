// Functions run in the audited tab by chrome.scripting.executeScript: each must be self-contained (it is sent as text).

/** The live page as HTML plus what only the browser knows: address, title, viewport. */
export function snapshotPage(): { html: string; url: string; viewport: { width: number; height: number } } {
  const doctype = document.doctype ? `<!doctype ${document.doctype.name}>` : '';
  return { html: doctype + document.documentElement.outerHTML, url: location.href, viewport: { width: innerWidth, height: innerHeight } };
}

/** Boxes (document coordinates) of the elements the selectors name; null for one that is gone. */
export function measureElements(selectors: string[]): ({ x: number; y: number; width: number; height: number } | null)[] {
  return selectors.map((s) => {
    let el: Element | null = null;
    try { el = document.querySelector(s); } catch { return null; }
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { x: Math.round(r.x + scrollX), y: Math.round(r.y + scrollY), width: Math.round(r.width), height: Math.round(r.height) };
  });
}

/** Outlines one element and scrolls it into view; the previous highlight is removed first. */
export function highlightElement(selector: string): boolean {
  const attr = 'data-xinbiao-audit-highlight';
  for (const old of Array.from(document.querySelectorAll(`[${attr}]`))) {
    (old as HTMLElement).style.outline = old.getAttribute(attr) ?? '';
    old.removeAttribute(attr);
  }
  let el: HTMLElement | null = null;
  try { el = document.querySelector(selector); } catch { return false; }
  if (!el) return false;
  el.setAttribute(attr, el.style.outline);
  el.style.outline = '3px solid #e53935';
  el.scrollIntoView({ block: 'center' });
  return true;
}
