import { spawnSync } from 'node:child_process';
import { xinbiao } from '../../support/cli';

const run = xinbiao('check');

describe('xinbiao check', () => {
  it('prints one JSON object per input and exits 0 when all are valid', () => {
    const r = run('91330106673959654P', '110108000000016');
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(2);
    expect(r.lines[0]).toMatchObject({ input: '91330106673959654P', kind: 'uscc', valid: true, checksum: 'ok', department: '9', category: '91', region: '330106', orgCode: '673959654' });
    expect(r.lines[1]).toMatchObject({ kind: 'regno15', valid: true, checksum: 'ok' });
  });

  it('exits 1 when any input is invalid and still reports every input', () => {
    const r = run('91350100M0001TGQXM', 'nonsense', '91330106673959654P');
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => [l.kind, l.checksum])).toEqual([['uscc', 'mismatch'], ['unknown', 'n/a'], ['uscc', 'ok']]);
  });

  it('exits 2 on usage errors with the help on stderr', () => {
    expect(run().code).toBe(2);
    const bad = run('--frobnicate', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option --frobnicate/);
    const help = spawnSync('node', ['bin/xinbiao.js', 'check', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: xinbiao check/);
  });
});
