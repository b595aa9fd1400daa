// DeflatePool.close on real worker threads: each worker ends after the jobs it already has (a
// close message queued behind them), never by terminate(). Terminating a thread inside zlib
// aborted node ("close before init"), and its awaited exit could let node end the run with
// exit code 13: under load, 8 of 55 packs into a full disk ended one way or the other.
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DeflatePool, deflateBound } from '../../src/zip/deflate-pool.js';

function job(seed: number): { input: Buffer; output: Buffer; text: string } {
  const text = `${seed} `.repeat(200_000 + seed);
  const input = Buffer.allocUnsafeSlow(text.length);
  input.write(text, 'latin1');
  return { input, output: Buffer.allocUnsafeSlow(deflateBound(text.length)), text };
}

describe('DeflatePool.close', () => {
  it('lets every job sent before it finish, then ends the threads; a second call is the same', async () => {
    const pool = new DeflatePool(2, 6);
    const jobs = Array.from({ length: 8 }, (_, i) => job(i));
    const runs = jobs.map(({ input, output }) =>
      pool.run(input.buffer as ArrayBuffer, output.buffer as ArrayBuffer, [
        { offset: 0, length: input.length, last: true },
      ]),
    );
    // At once, with every job still queued or running in the threads.
    const closing = pool.close();
    expect(pool.close()).toBe(closing);
    const results = await Promise.all(runs);
    await closing;
    results.forEach((result, i) => {
      expect(inflateRawSync(result.outputs[0]!).toString('latin1')).toBe(jobs[i]!.text);
    });
    // The threads are gone: a job after close fails instead of waiting for ever.
    const late = job(9);
    await expect(
      pool.run(late.input.buffer as ArrayBuffer, late.output.buffer as ArrayBuffer, [
        { offset: 0, length: late.input.length, last: true },
      ]),
    ).rejects.toThrow('DeflatePool.run after close');
  }, 60_000);
});
