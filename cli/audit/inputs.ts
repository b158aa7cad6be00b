import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One page to audit: what the user gave, and the URL the browser opens. */
export interface AuditTarget {
  input: string;
  url: string;
}

/** A URL stays a URL; anything else is a saved page on disk (missing files still become targets and fail visibly). */
export function toTarget(input: string, cwd = process.cwd()): AuditTarget {
  if (/^(https?|file):\/\//i.test(input)) return { input, url: input };
  return { input, url: pathToFileURL(resolve(cwd, input)).href };
}

/** Lines of a `--list` file: one URL or path each; blank lines and # comments are skipped. */
export function readList(file: string): string[] {
  if (!existsSync(file)) throw new Error(`list file not found: ${file}`);
  return readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}
