import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The package version, as `xinbiao --version` prints it and audit run records name the tool. */
export function version(): string {
  return (JSON.parse(readFileSync(resolve(import.meta.dirname, '../package.json'), 'utf8')) as { version: string }).version;
}
