/** A CSS selector that finds `el` again in the same document: an id when unique, else a nth-of-type path. */
export function cssPath(el: Element): string {
  const doc = el.ownerDocument;
  const parts: string[] = [];
  for (let e: Element | null = el; e && e.nodeType === 1; e = e.parentElement) {
    const tag = e.localName;
    if (e.id && /^[A-Za-z][\w-]*$/.test(e.id) && doc.querySelectorAll(`#${e.id}`).length === 1) {
      parts.unshift(`#${e.id}`);
      break;
    }
    if (tag === 'html' || tag === 'body') { parts.unshift(tag); if (tag === 'html') break; continue; }
    const same = e.parentElement ? Array.from(e.parentElement.children).filter((c) => c.localName === tag) : [];
    parts.unshift(same.length > 1 ? `${tag}:nth-of-type(${same.indexOf(e) + 1})` : tag);
  }
  return parts.join(' > ');
}
