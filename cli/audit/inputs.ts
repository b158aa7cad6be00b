import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { both } from '../io';
import { USCC_SHAPE } from '../../core/identifiers';

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

/** A USCC as the last word of a `--list` line (shape only: the lists are keyed by it, a bad one matches nothing). */
const TRAILING_USCC = new RegExp(`^(.*\\S)\\s+(${USCC_SHAPE})$`);

/** One line of a `--list` file: the URL or path, and the operator's USCC when the line ends with one. */
export function populationEntry(line: string): { input: string; uscc?: string } {
  const m = TRAILING_USCC.exec(line);
  return m ? { input: m[1]!, uscc: m[2]! } : { input: line };
}

/** The inputs of a `--list` file, without the USCCs (`readPopulation` keeps them). */
export function readList(file: string): string[] {
  return readPopulation(file).map((e) => e.input);
}

/**
 * Lines of a `--list` file: one URL or path each, optionally followed by the operator's USCC; blank lines and # comments
 * are skipped. Throws, in both languages on one line, when the file cannot be read (missing, a folder …) or a line holds
 * a control character other than a tab.
 */
export function readPopulation(file: string): { input: string; uscc?: string }[] {
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(both(`无法读取 --list 文件 ${file}：${why}`, `cannot read the --list file ${file}: ${why}`));
  }
  const lines = text.split(/\r?\n/);
  // A NUL or another control character is no address or path, and PostgreSQL's text refuses a NUL outright.
  const bad = lines.findIndex((l) => /[^\P{Cc}\t]/u.test(l));
  if (bad >= 0) throw new Error(both(`--list 文件 ${file} 第 ${bad + 1} 行含控制字符`, `the --list file ${file} has a control character on line ${bad + 1}`));
  return lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map(populationEntry);
}
