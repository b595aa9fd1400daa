// A corrupt ELF file in the package is named in a warning with the reader's problem and the
// offset it was found at, through the bundled action.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { buildImage, writers } from '../helpers/elf-image.js';

describe('a corrupt ELF file in package-dir', () => {
  it('a 32-bit header with e_phnum 0xffff: the warning points at e_phnum (0x2c), not 0x38', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'corrupt-elf-'));
    const pkg = join(workspace, 'elfpkg');
    mkdirSync(pkg);
    writeFileSync(join(pkg, '__init__.py'), '');
    const bytes = buildImage({
      cls: 32,
      endian: 'little',
      machine: 3,
      needed: ['libc.so.6'],
    }).bytes;
    writers(bytes, 32, 'little').u16(44, 0xffff);
    writeFileSync(join(pkg, '_native.so'), bytes);
    const run = await runBundledAction({
      'working-directory': workspace,
      'package-dir': 'elfpkg',
      version: '1.0.0',
      python: '/usr/bin/python3',
      'output-dir': join(workspace, 'dist'),
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    const warnings = run.stdout.split('\n').filter((line) => line.includes('not a valid ELF file'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^::warning file=[^:]*elfpkg\/_native\.so::/);
    expect(warnings[0]).toContain(
      '_native.so: not a valid ELF file: extended program header numbering (e_phnum = 0xffff) is not supported (offset 0x2c)',
    );
  });
});
