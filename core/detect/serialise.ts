import { ELEMENT_NODE, nodeTypeOf, parentOf, tagOf } from './dom';
import type { DetectResult, DetectedMark, DetectedQueryWindow, DetectedSubject } from './types';

type Plain<T> = Omit<T, 'element'> & { selector: string | null };

/** A detection result as plain JSON data: each element becomes a CSS path. */
export interface DetectJson {
  subjects: Plain<DetectedSubject>[];
  marks: Plain<DetectedMark>[];
  queryWindows: Plain<DetectedQueryWindow>[];
  shopName: string | null;
}

/** Turns a result into JSON-safe data (what `xinbiao detect` prints and a browser can hand back). */
export function detectionToJson(result: DetectResult): DetectJson {
  const plain = <T extends { element: Element | null }>({ element, ...rest }: T) => ({ ...rest, selector: element ? elementPath(element) : null });
  return {
    subjects: result.subjects.map(plain),
    marks: result.marks.map(plain),
    queryWindows: result.queryWindows.map(plain),
    shopName: result.shopName,
  };
}

const MAX_DEPTH = 64;

/** A CSS path of `tag:nth-child(n)` steps from the root element: stable across standards-compliant parsers. */
export function elementPath(el: Element): string {
  const steps: string[] = [];
  let n: Node | null = el;
  for (let depth = 0; n && depth < MAX_DEPTH && nodeTypeOf(n) === ELEMENT_NODE; depth++) {
    const parent = parentOf(n);
    const tag = tagOf(n);
    if (!parent || nodeTypeOf(parent) !== ELEMENT_NODE) {
      steps.push(tag);
      break;
    }
    steps.push(`${tag}:nth-child(${indexOf(n)})`);
    n = parent;
  }
  return steps.reverse().join(' > ');
}

function indexOf(n: Node): number {
  let i = 1;
  try {
    for (let s = (n as Element).previousElementSibling; s; s = s.previousElementSibling) i++;
  } catch {
    // keep the count so far
  }
  return i;
}
