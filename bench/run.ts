// npm run bench [name…]: runs bench/*.bench.ts and prints `bench <name>: <value> <unit> (floor <v> <unit>, ratio <r>)`.
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Benchmark, BenchResult } from './types';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort();

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3));

function line(r: BenchResult): string {
  const ratio = r.floor > 0 ? r.value / r.floor : Number.NaN;
  let out = `bench ${r.name}: ${fmt(r.value)} ${r.unit} (floor ${fmt(r.floor)} ${r.unit}, ratio ${ratio.toFixed(2)})`;
  const over = [];
  if (r.budget !== undefined && ratio > r.budget) over.push(`ratio budget ${r.budget}`);
  if (r.valueBudget !== undefined && r.value > r.valueBudget) over.push(`budget ${r.valueBudget} ${r.unit}`);
  if (over.length) out += `  OVER ${over.join(', ')}`;
  return out;
}

let over = 0;
for (const f of files) {
  const bench: Benchmark = (await import(resolve(dir, f))).default;
  if (only.length && !only.some((o) => bench.name.startsWith(o) || f.startsWith(o))) continue;
  process.stderr.write(`… ${bench.name}\n`);
  const printed = new Set<BenchResult>();
  const print = (r: BenchResult) => {
    if (printed.has(r)) return;
    printed.add(r);
    const l = line(r);
    if (l.includes('OVER')) over++;
    console.log(l);
  };
  try {
    for (const r of await bench.run(print)) print(r);
  } catch (err) {
    over++;
    console.log(`bench ${bench.name}: failed (${(err as Error).message})`);
  }
}
process.exitCode = over > 0 ? 1 : 0;
