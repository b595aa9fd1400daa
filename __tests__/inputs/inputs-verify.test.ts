import { describe, expect, it } from 'vitest';
import type { InputName } from '../../src/inputs/input-spec.js';
import { getInputs } from '../../src/inputs/inputs.js';
import { thrownInputError } from '../helpers/input-error.js';

const base = { 'package-dir': 'pkg', version: '1.0.0' };
const read = (values: Partial<Record<InputName, string>>) =>
  getInputs((name) => values[name] ?? '', { GITHUB_WORKSPACE: '/ws' });

describe('verify-image, test-requires, test-find-links', () => {
  it('defaults: no verify image (where the build ran), no test requirements, no source', () => {
    const inputs = read(base);
    expect(inputs.verifyImages).toEqual([]);
    expect(inputs.testRequires).toEqual([]);
    expect(inputs.testFindLinks).toBeUndefined();
    expect(inputs.verifyEngine).toBeUndefined();
  });

  it('reads image lines (without `image`), requirements, and a folder or an index URL', () => {
    const inputs = read({
      ...base,
      'verify-image':
        'algorithmia/runtime:3.6\n# comment\n\nregistry.example.com/a/b@sha256:' + 'a'.repeat(64),
      'container-engine': 'podman',
      'docker-options': '--network none',
      'test-command': 'python -m pytest',
      'test-requires': 'pytest >=7\nnumpy; python_version >= "3"',
      'test-find-links': 'wheelhouse',
    });
    expect(inputs.verifyImages).toEqual([
      'algorithmia/runtime:3.6',
      `registry.example.com/a/b@sha256:${'a'.repeat(64)}`,
    ]);
    expect(inputs.verifyEngine).toMatchObject({ engine: 'podman', options: ['--network', 'none'] });
    expect(inputs.testRequires).toEqual(['pytest>=7', 'numpy; python_version >= "3"']);
    expect(inputs.testFindLinks).toEqual({ kind: 'folder', path: '/ws/wheelhouse' });
    expect(
      read({ ...base, 'test-find-links': 'https://pypi.example.com/simple/' }).testFindLinks,
    ).toEqual({ kind: 'index', url: 'https://pypi.example.com/simple/' });
  });

  it('refuses a bad image line, a duplicate, a bad requirement, a source-less or test-less test-requires, and a non-http URL', () => {
    const bad = thrownInputError(() => read({ ...base, 'verify-image': 'ok:1\nNot An Image' }));
    expect(bad.input).toBe('verify-image');
    expect(bad.message).toBe("line 2: 'Not An Image' is not a valid image reference.");
    const twice = thrownInputError(() => read({ ...base, 'verify-image': 'a:1\na:1' }));
    expect(twice.describe()).toBe(
      "Input 'verify-image': 'a:1' is listed twice. Fix: list each image once.",
    );
    const req = thrownInputError(() =>
      read({
        ...base,
        'test-command': 't',
        'test-requires': 'pytest >>= 7',
        'test-find-links': 'w',
      }),
    );
    expect(req.input).toBe('test-requires');
    const noSource = thrownInputError(() =>
      read({ ...base, 'test-command': 't', 'test-requires': 'pytest' }),
    );
    expect(noSource.describe()).toBe(
      "Input 'test-requires': pytest has no source: the verification never downloads from PyPI on its own. Fix: set test-find-links to a folder of wheels (e.g. made by `pip wheel -w wheelhouse pytest` in an earlier step) or to an index URL you trust.",
    );
    const noTest = thrownInputError(() =>
      read({ ...base, 'test-requires': 'pytest', 'test-find-links': 'w' }),
    );
    expect(noTest.message).toBe(
      '`test-requires` is installed for `test-command` only, which is empty.',
    );
    const ftp = thrownInputError(() => read({ ...base, 'test-find-links': 'ftp://x/simple' }));
    expect(ftp.input).toBe('test-find-links');
  });
});
