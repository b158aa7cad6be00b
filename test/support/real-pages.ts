// The shared corpus of real page markup and real URLs (kept beside the checkout, read in place, never copied here).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const REAL_PAGES = resolve(import.meta.dirname, '../../../shared/real-pages');

/** What a person reading a real page says about it (expected.json). */
export interface RealExpectation {
  platform: 'jd' | 'tmall' | 'pinduoduo' | 'douyin' | '1688' | 'other';
  pageKind: string;
  url: string | null;
  operator: { uscc: string | null; regNo: string | null; name: string | null };
  shopName: string | null;
  marks: { kind: string; host: string | null; code: string | null }[];
}

/** Every page of the corpus with its expectation, in file order. */
export function realPages(): [file: string, expected: RealExpectation][] {
  const all = JSON.parse(readFileSync(resolve(REAL_PAGES, 'expected.json'), 'utf8')) as Record<string, RealExpectation | string>;
  return Object.entries(all).filter((e): e is [string, RealExpectation] => !e[0].startsWith('_'));
}

/** One line of urls.txt: a real URL, its platform and page kind (`not-shop` for pages that show no shop). */
export interface RealUrl {
  url: string;
  platform: string;
  kind: string;
}

export function realUrls(): RealUrl[] {
  return readFileSync(resolve(REAL_PAGES, 'urls.txt'), 'utf8')
    .split('\n')
    .flatMap((line) => {
      const m = /^(\S+)\s+#\s*(\S+)\s+(\S+)\s*$/.exec(line);
      return m ? [{ url: m[1]!, platform: m[2]!, kind: m[3]! }] : [];
    });
}

/** Our adapter id for a platform named in the corpus (Taobao and Tmall share one adapter). */
export const adapterOf = (platform: string): string => (platform === 'taobao' ? 'tmall' : platform);
