/** Progress on stderr: a redrawn bar on a terminal, one plain line per page otherwise (logs stay readable). */
export function progress(total: number, stream: NodeJS.WriteStream = process.stderr): { tick(label: string, failed: boolean): void; done(): void } {
  let n = 0;
  let bad = 0;
  const tty = stream.isTTY === true;
  return {
    tick(label, failed) {
      n++;
      if (failed) bad++;
      if (tty) {
        const width = 24;
        const fill = Math.round((n / total) * width);
        stream.write(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${n}/${total}${bad ? ` (${bad} failed)` : ''} `);
      } else {
        stream.write(`audit ${n}/${total} ${failed ? 'FAILED' : 'ok'} ${label}\n`);
      }
    },
    done() {
      if (tty) stream.write('\n');
    },
  };
}
