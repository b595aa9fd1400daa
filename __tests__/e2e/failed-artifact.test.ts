/**
 * A failed verification's evidence (output-dir/failed) goes up as its own workflow artifact,
 * `<artifact-name>-failed`, while the wheel's artifact is never uploaded (issue 24). Through the
 * bundled action against the real artifact client, Azurite and the local results service.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendants, alive, startBundledAction, waitFor } from '../helpers/action-process.js';
import { startArtifactService, type ArtifactService } from '../helpers/artifact-service.js';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { defaultPython3 } from '../helpers/python.js';
import { readZip } from '../helpers/stored-zip.js';

const WHEEL = 'brokenpkg-1.0.0-py3-none-any.whl';
const STALL_MS = 4000;

let artifacts: ArtifactService;
let stalled: ArtifactService;

beforeAll(async () => {
  [artifacts, stalled] = await Promise.all([
    startArtifactService(),
    startArtifactService({ stallUploadMs: STALL_MS }),
  ]);
}, 120_000);

afterAll(async () => {
  await artifacts?.stop();
  await stalled?.stop();
});

/** A package whose import fails: the wheel builds and installs, the import check refuses it. */
function brokenWorkspace(): { workspace: string; out: string } {
  const workspace = mkdtempSync(join(tmpdir(), 'failed-artifact-'));
  mkdirSync(join(workspace, 'brokenpkg'));
  writeFileSync(
    join(workspace, 'brokenpkg', '__init__.py'),
    'raise ImportError("vendor library missing")\n',
  );
  return { workspace, out: join(workspace, 'dist') };
}

function inputs(workspace: string, out: string, name: string) {
  return {
    'working-directory': workspace,
    'package-dir': 'brokenpkg',
    python: defaultPython3(),
    version: '1.0.0',
    'output-dir': out,
    'artifact-name': name,
  };
}

describe('the failed/ evidence as a workflow artifact (bundled action)', () => {
  it('uploads exactly the wheel, pip.log and traceback.txt as <name>-failed; no <name>', async () => {
    const { workspace, out } = brokenWorkspace();
    const run = await runBundledAction(inputs(workspace, out, 'brokenpkg-wheel'), artifacts.env);
    expect(run.status).toBe(1);
    const failed = join(out, 'failed');
    expect(readdirSync(failed).sort()).toEqual([WHEEL, 'pip.log', 'traceback.txt']);

    // Finalized, and the only artifacts of the run: the wheel's (and its receipt's) never went up.
    const stored = artifacts.artifacts().filter((a) => a.name.startsWith('brokenpkg-wheel'));
    expect(stored.map((a) => a.name)).toEqual(['brokenpkg-wheel-failed']);
    const id = stored[0]!.id;
    expect(id).toEqual(expect.any(Number));

    // File by file: the zip holds the three files of output-dir/failed, byte for byte.
    const members = readZip(await artifacts.readBlob('brokenpkg-wheel-failed'));
    expect(members.map((m) => m.name).sort()).toEqual([WHEEL, 'pip.log', 'traceback.txt']);
    for (const member of members) {
      expect(member.data.equals(readFileSync(join(failed, member.name))), member.name).toBe(true);
    }
    const byName = new Map(members.map((m) => [m.name, m.data]));
    expect(byName.get(WHEEL)!.subarray(0, 2).toString()).toBe('PK');
    expect(byName.get(WHEEL)!.includes(Buffer.from('brokenpkg/__init__.py'))).toBe(true);
    expect(byName.get('pip.log')!.toString()).toMatch(/Successfully installed brokenpkg/);
    expect(byName.get('traceback.txt')!.toString()).toContain(
      'ImportError: vendor library missing',
    );

    // The error and the summary name it, with its id and page.
    const env = artifacts.env;
    const url = `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`;
    const named = `The unverified wheel, pip's log and the traceback are in ${failed} and in the workflow artifact 'brokenpkg-wheel-failed' (id ${id}: ${url}).`;
    const [annotation] = errorAnnotations(run.stdout);
    expect(annotation).toContain(named);
    expect(run.summary).toContain(named.replace(/'/g, '&#39;'));
    expect(run.outputs['artifact-name']).toBeUndefined();
  });

  it('a cancel during that upload: the run fails as cancelled, nothing is finalized', async () => {
    const { workspace, out } = brokenWorkspace();
    const before = stalled.blobWrites;
    const action = startBundledAction(inputs(workspace, out, 'cancelled-wheel'), stalled.env);
    await waitFor('the evidence upload on the wire', () => stalled.blobWrites > before, 40_000);
    const tree = [action.pid, ...descendants(action.pid)];
    process.kill(action.pid, 'SIGTERM');
    const run = await action.done;
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain('cancelled (SIGTERM)');
    expect(run.summary).toContain('cancelled (SIGTERM)');
    await waitFor(
      'every process of the run to be gone',
      () => tree.every((p) => !alive(p)),
      20_000,
    );
    await new Promise((resolve) => setTimeout(resolve, STALL_MS + 1000));
    const created = stalled.artifacts().filter((a) => a.name.startsWith('cancelled-wheel'));
    // Created before the upload began, never finalized: never listed or downloadable.
    expect(created.map((a) => [a.name, a.id])).toEqual([['cancelled-wheel-failed', undefined]]);
    await expect(stalled.readBlob('cancelled-wheel-failed')).rejects.toThrow();
  });
});
