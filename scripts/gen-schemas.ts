// Writes docs/schema/*.json from the zod sources, so the documented formats cannot drift from the code.
// Usage: npx tsx scripts/gen-schemas.ts [--check]   (--check exits 1 when a committed file is out of date)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import { CreditStatus } from '../core/model/schema';
import { BatchRequest, BatchResponse, ErrorBody } from '../core/sources/protocol';

export const SCHEMA_DIR = resolve(import.meta.dirname, '../docs/schema');

/** File name → zod schema and its title; add a line here to publish another format. */
const SOURCES: Record<string, { schema: z.core.$ZodType; title: string; description: string }> = {
  'credit-status.json': { schema: CreditStatus, title: 'XinBiao credit status', description: 'Everything known about one market subject, each part with its provenance (docs/credit-status.md).' },
  'status-error.json': { schema: ErrorBody, title: 'XinBiao status endpoint error', description: 'Body of every error answer of the status endpoint (docs/status-endpoint.md).' },
  'batch-request.json': { schema: BatchRequest, title: 'XinBiao status endpoint batch request', description: 'Body of POST /v1/subjects:batch (docs/status-endpoint.md).' },
  'batch-response.json': { schema: BatchResponse, title: 'XinBiao status endpoint batch response', description: 'Answer of POST /v1/subjects:batch (docs/status-endpoint.md).' },
};

/** The text every schema file should have, by file name. */
export function renderSchemas(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [file, { schema, title, description }] of Object.entries(SOURCES)) {
    const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
    out.set(file, `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`);
  }
  return out;
}

/** Files whose committed text differs from what the zod sources give. */
export function staleSchemas(dir = SCHEMA_DIR): string[] {
  const read = (f: string) => {
    try {
      return readFileSync(join(dir, f), 'utf8');
    } catch {
      return undefined;
    }
  };
  return [...renderSchemas()].filter(([file, text]) => read(file) !== text).map(([file]) => file);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--check')) {
    const stale = staleSchemas();
    for (const f of stale) process.stderr.write(`out of date: docs/schema/${f} (run npx tsx scripts/gen-schemas.ts)\n`);
    process.exit(stale.length ? 1 : 0);
  }
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [file, text] of renderSchemas()) writeFileSync(join(SCHEMA_DIR, file), text);
  process.stderr.write(`wrote ${renderSchemas().size} schemas to docs/schema/\n`);
}
