import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_RULES, auditRule } from '../../../../core/audit';

const ROOT = join(import.meta.dirname, '../../../..');
const RULES_DIR = join(ROOT, 'core/audit/rules');
const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts')).sort();
const whole = readFileSync(join(ROOT, 'docs/audit.md'), 'utf8');
// The rules section of docs/audit.md; its table has one row per rule, the id in back-quotes in the first cell.
const doc = whole.slice(whole.indexOf('## The rules'), whole.indexOf('\n## ', whole.indexOf('## The rules') + 1));
const documented = [...doc.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!);

describe('audit rule registry', () => {
  it.each(files)('%s is one rule, named after its id, listed in the registry', async (file) => {
    const mod = (await import(join(RULES_DIR, file))) as { default?: { id: string } };
    expect(mod.default, `${file} has a default export made with defineRule`).toBeDefined();
    expect(mod.default!.id).toBe(file.replace(/\.ts$/, ''));
    expect(AUDIT_RULES).toContain(mod.default);
  });

  it('lists every rule file and nothing else, each id once', () => {
    expect(AUDIT_RULES.map((r) => r.id).sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')));
    expect(new Set(AUDIT_RULES.map((r) => r.id)).size).toBe(AUDIT_RULES.length);
  });

  it('documents every rule in docs/audit.md, in report order, with its titles and legal bases', () => {
    expect(documented).toEqual(AUDIT_RULES.map((r) => r.id));
    for (const r of AUDIT_RULES) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${r.id}\` |`))!;
      expect(row).toContain(r.title.zh);
      expect(row).toContain(r.title.en);
      for (const b of r.basis) expect(row).toContain(b);
      expect(row).toContain(r.appliesTo.join(', '));
    }
  });

  it('finds a rule by id, and no rule for a failed page’s finding', () => {
    expect(auditRule('risk-warning')?.appliesTo).toEqual(['shop']);
    expect(auditRule('page-load')).toBeUndefined();
  });
});
