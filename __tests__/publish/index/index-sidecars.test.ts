import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  metadataFacts,
  normalizeYankReason,
  requiresPythonOf,
  sidecarOf,
} from '../../../src/publish/index/index-sidecars.js';
import { isPublicRead } from '../../../src/publish/s3/s3-acl.js';
import { parsePinned } from '../../../src/publish/index/yank.js';
import { isTopLevelMetadata, readZipEntry } from '../../../src/zip/zip-entry.js';
import { defaultPython3 } from '../../helpers/python.js';

describe('sidecars of a wheel', () => {
  it('recognizes .metadata and .yanked beside a wheel, nothing else', () => {
    expect(sidecarOf('a-1-py3-none-any.whl.metadata')).toEqual({
      wheel: 'a-1-py3-none-any.whl',
      kind: 'metadata',
    });
    expect(sidecarOf('a-1-py3-none-any.whl.yanked')).toEqual({
      wheel: 'a-1-py3-none-any.whl',
      kind: 'yanked',
    });
    expect(sidecarOf('a-1-py3-none-any.whl.verification.json')).toBeUndefined();
    expect(sidecarOf('notes.metadata')).toBeUndefined();
  });

  it('reads Requires-Python from the headers only', () => {
    expect(requiresPythonOf('Name: a\nRequires-Python: >=3.6, <4\n\nRequires-Python: no')).toBe(
      '>=3.6, <4',
    );
    expect(requiresPythonOf('Name: a\n\nRequires-Python: >=3')).toBeUndefined();
    const facts = metadataFacts(Buffer.from('Name: a\nRequires-Python: >=3.6\n'));
    expect(facts.requiresPython).toBe('>=3.6');
    expect(facts.metadataSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(normalizeYankReason('  broken\n build ')).toBe('broken build');
  });

  it('finds public-read in an ACL', () => {
    const allUsers = {
      Type: 'Group' as const,
      URI: 'http://acs.amazonaws.com/groups/global/AllUsers',
    };
    expect(isPublicRead({ Grants: [{ Grantee: allUsers, Permission: 'READ' }] })).toBe(true);
    expect(
      isPublicRead({
        Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'x' }, Permission: 'FULL_CONTROL' }],
      }),
    ).toBe(false);
    expect(isPublicRead({})).toBe(false);
  });

  it('parses a pinned requirement for yank', () => {
    expect(parsePinned('Vec_Math == 1.0-1')).toEqual({ name: 'Vec_Math', version: '1.0.post1' });
    expect(() => parsePinned('vecmath>=1.0')).toThrow(/does not pin one version/);
    try {
      parsePinned('vecmath');
      expect.unreachable();
    } catch (error) {
      expect((error as { fix?: string }).fix).toContain('name==version');
    }
  });
});

describe('readZipEntry', () => {
  it("reads METADATA stored or deflated, byte for byte as Python's zipfile wrote it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-entry-'));
    const metadata = 'Metadata-Version: 2.1\nName: a\nVersion: 1\n' + 'Summary: x\n'.repeat(50);
    for (const method of ['ZIP_STORED', 'ZIP_DEFLATED']) {
      const path = join(dir, `${method}.whl`);
      execFileSync(defaultPython3(), [
        '-c',
        [
          'import sys, zipfile',
          `z = zipfile.ZipFile(sys.argv[1], "w", zipfile.${method})`,
          'z.writestr("a/__init__.py", "")',
          'z.writestr("a-1.dist-info/METADATA", sys.argv[2])',
          'z.writestr("a/b.dist-info/METADATA", "nested, not the wheel\'s")',
          'z.close()',
        ].join('\n'),
        path,
        metadata,
      ]);
      const entry = await readZipEntry(path, isTopLevelMetadata);
      expect(entry?.name).toBe('a-1.dist-info/METADATA');
      expect(entry?.bytes.toString('utf8')).toBe(metadata);
      expect(await readZipEntry(path, (name) => name === 'missing')).toBeUndefined();
      await expect(readZipEntry(path, (name) => name.endsWith('METADATA'))).rejects.toThrow(
        /several entries/,
      );
    }
  });
});
