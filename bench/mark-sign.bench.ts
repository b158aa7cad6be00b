// mark-sign: `xinbiao mark sign --shops` over a file of 100,000 shops (process start, parsing, validation, JWS
// signing, output; the CLI parses, checks and signs on up to two threads while its main one reads and writes), against bare Ed25519
// signatures (node:crypto, one thread) over the same payload bytes. Every mark it timed must then verify (untimed)
// and carry its own shop. Three rounds; the printed ratio is the median of the rounds' ratios.
import { spawn } from 'node:child_process';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { generateKeyPair } from '../core/crypto';
import { usccCheckChar } from '../core/identifiers';
import { median, type Benchmark } from './types';

const N = Number(process.env.MARK_BENCH_SHOPS ?? 100_000);
const ROUNDS = 3;
const ROOT = resolve(import.meta.dirname, '..');

function payload(i: number) {
  const first = `91330106${String(i).padStart(9, '0')}`;
  const uscc = first + usccCheckChar(first)!;
  const iat = 1793462400;
  return {
    iss: 'bench-platform', iat, exp: iat + 365 * 86400,
    sub: { uscc, name: `杭州示例${i}号电子商务有限公司`, kind: 'company' }, shop: { name: `示例${i}号旗舰店` },
    identity: { verifiedBy: '示例商城', verifiedAt: '2026-10-20', method: '营业执照核验' },
    credit: [{ scheme: 'platform', schemeName: '示例商城店铺评级', level: '五星', issuer: '示例商城', date: '2026-10-01' }],
    bind: { origin: 'https://mall.example.cn', path: `/shops/${i}/` },
  };
}

/**
 * Counts the marks of `file` (mark sign's output, untimed) whose signature verifies and whose payload is the one
 * of its line's shop; throws at the first that does not.
 */
async function verifyAll(file: string, publicKey: ReturnType<typeof createPublicKey>): Promise<number> {
  let n = 0;
  for await (const l of createInterface({ input: createReadStream(file) })) {
    const { line, token } = JSON.parse(l) as { line: number; token?: string };
    const [h, p, s] = (token ?? '').split('.');
    const ok = line === n + 1 && verify(null, Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s ?? '', 'base64url'));
    const expected = payload(n);
    const got = ok ? JSON.parse(Buffer.from(p!, 'base64url').toString('utf8')) : undefined;
    if (!ok || got.sub.uscc !== expected.sub.uscc || got.bind.path !== expected.bind.path) throw new Error(`mark of line ${line} does not verify`);
    n++;
  }
  return n;
}

const bench: Benchmark = {
  name: 'mark-sign',
  async run() {
    const dir = await mkdtemp(join(tmpdir(), 'xinbiao-bench-marks-'));
    try {
      const { privateJwk } = await generateKeyPair('bench-platform-2026');
      const keyFile = join(dir, 'key.private.jwk.json');
      await writeFile(keyFile, JSON.stringify(privateJwk));
      const shops = join(dir, 'shops.ndjson');
      const out = createWriteStream(shops);
      const lines: Buffer[] = [];
      for (let i = 0; i < N; i++) {
        const line = JSON.stringify(payload(i));
        lines.push(Buffer.from(line));
        if (!out.write(`${line}\n`)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      }
      out.end();
      await finished(out);

      const key = createPrivateKey({ key: { ...privateJwk }, format: 'jwk' });
      const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: privateJwk.x }, format: 'jwk' });
      const floorRun = () => {
        const t = performance.now();
        for (const l of lines) sign(null, l, key);
        return performance.now() - t;
      };
      const ourRun = async () => {
        const tokens = join(dir, 'marks.ndjson');
        const t = performance.now();
        const child = spawn('node', ['bin/xinbiao.js', 'mark', 'sign', '--key', keyFile, '--shops', shops], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
        const sink = createWriteStream(tokens);
        child.stdout.pipe(sink);
        const code = await new Promise<number | null>((ok) => child.once('exit', ok));
        await finished(sink);
        const ours = performance.now() - t;
        if (code !== 0) throw new Error(`mark sign exited ${code}`);
        const verified = await verifyAll(tokens, publicKey);
        if (verified !== N) throw new Error(`${verified} of ${N} marks verify`);
        return ours;
      };
      // Rounds of both sides, in alternating order, and the median of the rounds' own ratios: the bare signatures
      // alone moved by 40% between runs on the shared machine, more than the two sides differ.
      const floors: number[] = [];
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        let floor: number, ours: number;
        if (round % 2 === 0) [floor, ours] = [floorRun(), await ourRun()];
        else [ours, floor] = [await ourRun(), floorRun()];
        floors.push(floor);
        ratios.push(ours / floor);
      }
      const floorMs = median(floors);
      return [{ name: 'mark-sign', value: (floorMs * median(ratios)) / 1000, unit: 's', floor: floorMs / 1000, budget: 1.5 }];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
