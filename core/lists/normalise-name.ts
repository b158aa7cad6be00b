import { toHalfWidth } from '../identifiers/normalise';

// Brackets people and registries use interchangeably in company names.
const OPEN = /[「『【〔［\[（(]/g;
const CLOSE = /[」』】〕］\]）)]/g;

/**
 * A company name as a lookup key: half-width, one bracket style `()`, no spaces or dots between words, lower case.
 * `杭州某某（电子）商务 有限公司` and `杭州某某(电子)商务有限公司` give the same key.
 */
export function normaliseName(name: string): string {
  return toHalfWidth(name.normalize('NFKC')).replace(OPEN, '(').replace(CLOSE, ')').replace(/[\s\u00a0\u200b·・.]+/g, '').toLowerCase();
}

/** Two ways of writing one company name (widths, brackets, spaces) count as the same name. */
export const sameName = (a: string, b: string): boolean => normaliseName(a) === normaliseName(b);
