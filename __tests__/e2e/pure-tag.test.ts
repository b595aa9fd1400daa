// A package without native files is tagged as bdist_wheel tags a pure distribution:
// `py3-none-any` (`py2-none-any` on 2.7), unless `wheel-tag` says otherwise.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { installAndRun } from '../helpers/installed.js';
import { pyenvPython } from '../helpers/python.js';

function purePackage(): string {
  const workspace = mkdtempSync(join(tmpdir(), 'pure-'));
  const pkg = join(workspace, 'purepkg');
  mkdirSync(join(pkg, 'data'), { recursive: true });
  writeFileSync(join(pkg, '__init__.py'), 'def answer():\n    return 42\n');
  writeFileSync(join(pkg, 'data', 'table.txt'), 'not native\n');
  return workspace;
}

describe('a pure package-dir', () => {
  it.each([
    ['/usr/bin/python3', 'py3-none-any', () => '/usr/bin/python3'],
    ['pyenv 2.7.18', 'py2-none-any', () => pyenvPython('2.7.18')],
  ])('built with %s is tagged %s and installs on another python', async (_l, tag, python) => {
    const workspace = purePackage();
    const run = await runBundledAction({
      'working-directory': workspace,
      'package-dir': 'purepkg',
      version: '1.0.0',
      python: python(),
      'output-dir': join(workspace, 'dist'),
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs['wheel-name']).toBe(`purepkg-1.0.0-${tag}.whl`);
    // Any python of that major installs it: 3.6 (or 2.7's pip for the 2.7 build) takes it.
    const other = tag.startsWith('py3') ? pyenvPython('3.6.15') : pyenvPython('2.7.18');
    const installed = installAndRun(
      other,
      run.outputs.wheel!,
      'import purepkg; print(purepkg.answer())',
    );
    expect(installed.stderr).toBe('');
    expect(installed.stdout.trim()).toBe('42');
  });

  it('wheel-tag still wins', async () => {
    const workspace = purePackage();
    const run = await runBundledAction({
      'working-directory': workspace,
      'package-dir': 'purepkg',
      version: '1.0.0',
      python: '/usr/bin/python3',
      'wheel-tag': 'py2.py3-none-any',
      'output-dir': join(workspace, 'dist'),
    });
    expect(run.status).toBe(0);
    expect(run.outputs['wheel-name']).toBe('purepkg-1.0.0-py2.py3-none-any.whl');
  });

  it('a package holding a shared library keeps the interpreter tag', async () => {
    const workspace = purePackage();
    // Any ELF file makes the package platform-specific, whatever its name.
    copyFileSync('/bin/true', join(workspace, 'purepkg', 'helper.bin'));
    const run = await runBundledAction({
      'working-directory': workspace,
      'package-dir': 'purepkg',
      version: '1.0.0',
      python: '/usr/bin/python3',
      'output-dir': join(workspace, 'dist'),
    });
    expect(errorAnnotations(run.stdout)).toEqual([]);
    expect(run.status).toBe(0);
    expect(run.outputs['wheel-name']).toBe('purepkg-1.0.0-cp311-cp311-linux_x86_64.whl');
  });
});
