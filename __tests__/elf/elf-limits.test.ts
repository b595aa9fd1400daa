/**
 * The DT_GNU_HASH walk at its limit of a million symbols: 4 MB of chain, half a second, so it
 * stays out of the mutation group (which reruns its tests per mutant) and runs in the suite.
 */
import { describe, expect, test } from 'vitest';
import { buildImage, writers } from '../helpers/elf-image.js';
import { hex, parseError } from './elf-exact.js';

const PREFIX = 't.so: not a valid ELF file: ';
const NEEDS = [{ file: 'libc.so.6', versions: [{ name: 'GLIBC_2.2.5', index: 2 }] }];
const SYMBOLS = [{ name: 'memcpy', version: 2 }];

describe('the symbol count limit', () => {
  test('DT_GNU_HASH: a chain longer than a million symbols is refused', () => {
    // Bucket and chains placed after the image, in zeros (no end bit), 4 MB of them.
    const layout = buildImage({
      cls: 64,
      endian: 'little',
      verneed: NEEDS,
      symbols: SYMBOLS,
      hash: 'gnu',
    });
    const bytes = Buffer.alloc(layout.bytes.length + 8 + 4 * 1_000_002);
    layout.bytes.copy(bytes);
    const w = writers(bytes, 64, 'little');
    const bloom = Math.ceil((layout.bytes.length - layout.hash - 16) / 8);
    w.u32(layout.hash + 8, bloom);
    const buckets = layout.hash + 16 + bloom * 8;
    w.u32(buckets, 1);
    expect(parseError(bytes, { symbols: true })).toBe(
      `${PREFIX}DT_GNU_HASH chain longer than 1000000 symbols (offset ${hex(buckets + 4)})`,
    );
    // The same chain ending at symbol 1,000,000 is walked to its end, then refused as too many.
    w.u32(buckets + 4 + 4 * (1_000_000 - 1), 1);
    expect(parseError(bytes, { symbols: true })).toBe(
      `${PREFIX}1000001 dynamic symbols do not fit the ${bytes.length}-byte file (offset ${hex(layout.dynamic)})`,
    );
  });
});
