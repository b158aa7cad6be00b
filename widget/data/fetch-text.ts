// Trust material comes from the page (inline script) or from the platform: nothing else is ever requested.

/** Text of `#id` (an inline, non-executed script element) or of a URL fetched without cookies (data/trust caches the result). */
export function textFrom(ref: string, doc: Document = document): Promise<string> {
  return ref.startsWith('#')
    ? Promise.resolve(doc.getElementById(ref.slice(1))?.textContent ?? '').then((t) => t || Promise.reject(new Error(`${ref} not found`)))
    : fetch(new URL(ref, doc.baseURI), { credentials: 'omit' }).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${ref}: HTTP ${r.status}`))));
}
