// Every read goes through try/catch and a type check: pages may patch DOM prototypes to throw or lie.

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
/** NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT: the nodes detection (and its benchmark floor) walk. */
export const WALK_WHAT_TO_SHOW = 0x1 | 0x4;
const MAX_DEPTH = 64;

export function attr(el: Element, name: string): string | null {
  try {
    const v = el.getAttribute(name);
    return typeof v === 'string' ? v : null;
  } catch {
    return null;
  }
}

/** Lower-case tag name through localName, then nodeName, then tagName: a page may break any one of them. */
export function tagOf(node: Node): string {
  for (const key of ['localName', 'nodeName', 'tagName'] as const) {
    try {
      const t = (node as Element)[key];
      if (typeof t === 'string') return t.toLowerCase();
    } catch {
      // try the next accessor
    }
  }
  return '';
}

export function parentOf(node: Node): Node | null {
  try {
    const p = node.parentNode;
    return p && typeof p === 'object' ? p : null;
  } catch {
    return null;
  }
}

export function nodeTypeOf(node: Node): number {
  try {
    const t = node.nodeType;
    return typeof t === 'number' ? t : 0;
  } catch {
    return 0;
  }
}

/** Text of a node's descendants from nodeValue (not textContent, which a page may patch), capped. */
export function textOf(node: Node, max = 2000): string {
  let out = '';
  const visit = (n: Node, depth: number): void => {
    if (depth > MAX_DEPTH || out.length >= max) return;
    try {
      for (let c = n.firstChild; c && out.length < max; c = c.nextSibling) {
        const t = nodeTypeOf(c);
        if (t === TEXT_NODE) {
          const v = c.nodeValue;
          if (typeof v === 'string') out += v;
        } else if (t === ELEMENT_NODE) visit(c, depth + 1);
      }
    } catch {
      // a patched accessor: keep what was read
    }
  };
  visit(node, 0);
  return out.slice(0, max);
}

/** The elements matching a selector, or none when the selector is bad or querySelectorAll is patched. */
export function selectAll(root: Document | Element, selector: string, max = 10_000): Element[] {
  try {
    const list = root.querySelectorAll(selector);
    const out: Element[] = [];
    const n = typeof list?.length === 'number' ? Math.min(list.length, max) : 0;
    for (let i = 0; i < n; i++) {
      const el = list[i];
      if (el && nodeTypeOf(el) === ELEMENT_NODE) out.push(el);
    }
    return out;
  } catch {
    return [];
  }
}

/** The root itself when it is a document, else the element's owner document (no global lookups). */
export function docOf(root: Document | Element): Document | null {
  try {
    if (nodeTypeOf(root) === 9) return root as Document;
    const d = root.ownerDocument;
    return d && typeof d === 'object' ? d : null;
  } catch {
    return null;
  }
}

/** Yields nodes in document order below root, like a TreeWalker. */
export interface NodeSource {
  next(): Node | null;
}

/** A native TreeWalker over elements and text, or null when the page broke createTreeWalker. */
export function treeWalkerSource(root: Document | Element): NodeSource | null {
  try {
    const doc = docOf(root);
    const w = doc?.createTreeWalker(root, WALK_WHAT_TO_SHOW);
    if (!w || typeof w.nextNode !== 'function') return null;
    return { next: () => w.nextNode() };
  } catch {
    return null;
  }
}

/** The same walk through firstChild/nextSibling/parentNode, for pages that patched TreeWalker. */
export function manualSource(root: Node): NodeSource {
  let current: Node | null = root;
  const step = (): Node | null => {
    if (!current) return null;
    let n: Node = current;
    const first: Node | null = n.firstChild;
    if (first) return (current = first);
    while (n !== root) {
      const sib: Node | null = n.nextSibling;
      if (sib) return (current = sib);
      const p = n.parentNode;
      if (!p) break;
      n = p;
    }
    return (current = null);
  };
  return {
    next() {
      for (let n = step(); n; n = step()) {
        const t = nodeTypeOf(n);
        if (t === ELEMENT_NODE || t === TEXT_NODE) return n;
      }
      return null;
    },
  };
}
