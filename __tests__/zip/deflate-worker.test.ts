import * as zlib from 'node:zlib';
import { constants, DeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { DeflatePool, deflateBound } from '../../src/zip/deflate-pool.js';
import { deflateThread, deflateWorkerProgram } from '../../src/zip/deflate-worker.js';

const { deflateInto, nativeDeflateWriter, runJob } = deflateThread(zlib);

const text = Buffer.from(
  Array.from({ length: 4000 }, (_, i) => `line ${i} of a shared object's strings\n`).join(''),
);

describe('the Node internals the deflate worker relies on for speed', () => {
  test('this Node still has the zlib stream internals (_handle.writeSync, _writeState)', () => {
    const engine = new DeflateRaw({ level: 4, chunkSize: 64 });
    try {
      // If this fails, Node changed its zlib internals: deflateInto falls back to the public
      // deflateRawSync (correct, but one copy more per piece and more garbage per worker).
      // Update nativeDeflateWriter in src/zip/deflate-worker.ts for the new internals.
      expect(nativeDeflateWriter(engine), `node ${process.version}`).toBeTypeOf('function');
    } finally {
      engine.close();
    }
  });

  test('the native write gives the bytes the public API gives, into the buffer in place', () => {
    const output = Buffer.alloc(deflateBound(text.length) + 10);
    const length = deflateInto(text, { offset: 0, length: text.length, last: true }, 6, output, 10);
    const written = output.subarray(10, 10 + length);
    expect(written.equals(deflateRawSync(text, { level: 6 }))).toBe(true);
    expect(inflateRawSync(written).equals(text)).toBe(true);
  });

  test('a piece that continues an entry: sync flush, then the rest with the dictionary', () => {
    const half = text.length / 2;
    const first = text.subarray(0, half);
    const second = text.subarray(half);
    const output = Buffer.alloc(deflateBound(text.length) * 2);
    const a = deflateInto(first, { offset: 0, length: half, last: false }, 4, output, 0);
    const dictionary = first.subarray(first.length - 32 * 1024);
    const piece = { offset: 0, length: second.length, last: true, dictionary };
    const b = deflateInto(second, piece, 4, output, a);
    expect(inflateRawSync(output.subarray(0, a + b)).equals(text)).toBe(true);
    expect(constants.Z_SYNC_FLUSH).toBe(2);
  });
});

describe('runJob (one batch, as the worker runs it)', () => {
  test('deflates every piece in order into the output and hands both buffers back', () => {
    const input = new ArrayBuffer(text.length);
    Buffer.from(input).set(text);
    const output = new ArrayBuffer(deflateBound(text.length) * 2);
    const pieces = [
      { offset: 0, length: 1000, last: true },
      { offset: 1000, length: text.length - 1000, last: true },
    ];
    const reply = runJob({ id: 7, level: 4, input, output, pieces });
    expect(reply.error).toBeUndefined();
    expect(reply.id).toBe(7);
    expect(reply.input).toBe(input);
    const [l1, l2] = reply.lengths!;
    const out = Buffer.from(output);
    expect(inflateRawSync(out.subarray(0, l1)).equals(text.subarray(0, 1000))).toBe(true);
    expect(inflateRawSync(out.subarray(l1!, l1! + l2!)).equals(text.subarray(1000))).toBe(true);
  });

  test('an output without room is an error reply, not a truncated stream', () => {
    const input = new ArrayBuffer(text.length);
    Buffer.from(input).set(text);
    const reply = runJob({
      id: 1,
      level: 4,
      input,
      output: new ArrayBuffer(16),
      pieces: [{ offset: 0, length: text.length, last: true }],
    });
    expect(reply.lengths).toBeUndefined();
    expect(reply.error).toMatch(/deflate output exceeded its bound/);
  });
});

describe('the worker program (deflateThread as source text)', () => {
  test('uses nothing of its module: no import, no reference to a bundler or loader helper', () => {
    const program = deflateWorkerProgram();
    expect(program).not.toMatch(/\bimport\b|__vi|__nccwpck|__webpack|exports\./);
    expect(program.match(/require\('[^']+'\)/g)).toEqual([
      "require('node:worker_threads')",
      "require('node:zlib')",
    ]);
  });

  test('deflates in a real worker thread, run from the sources', async () => {
    const pool = new DeflatePool(1, 4);
    try {
      const input = new ArrayBuffer(text.length);
      Buffer.from(input).set(text);
      const result = await pool.run(input, new ArrayBuffer(deflateBound(text.length)), [
        { offset: 0, length: text.length, last: true },
      ]);
      expect(inflateRawSync(result.outputs[0]!).equals(text)).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
