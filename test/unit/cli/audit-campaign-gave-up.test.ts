import { gaveUpText } from '../../../cli/audit/queue/worker';

describe('the text of a job the queue gave up on', () => {
  it('names the attempts and the last error a handler threw (pg-boss keeps the serialised error)', () => {
    expect(gaveUpText({ name: 'Error', message: 'ENOENT: trust.jws\n    at open', stack: '…' }, 4))
      .toBe('作业 4 次尝试均失败，最后的错误 / the job failed all 4 attempts, last error: ENOENT: trust.jws');
  });
  it('reads the message pg-boss writes for a worker that stopped answering', () => {
    expect(gaveUpText({ value: { message: 'job failed by timeout in active state' } }, 2))
      .toBe('作业 2 次尝试均失败，最后的错误 / the job failed all 2 attempts, last error: job failed by timeout in active state');
  });
  it('says unknown for an output it cannot read, and cuts a long one', () => {
    expect(gaveUpText(null, 1)).toBe('作业 1 次尝试均失败，最后的错误 / the job failed all 1 attempts, last error: 未知 / unknown');
    expect(gaveUpText({ message: 'x'.repeat(2000) }, 1)).toHaveLength('作业 1 次尝试均失败，最后的错误 / the job failed all 1 attempts, last error: '.length + 500);
  });
});
