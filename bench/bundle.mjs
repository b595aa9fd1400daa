// The bundle case: `bundle-libs` on a package of extension modules that each link seven Debian
// libraries (sqlite3, lzma, bz2, zlib, ssl, crypto, ffi), through the local command, on this
// machine and in the bookworm test image (`script/setup` builds it), interleaved. Compares the
// "Bundle libs" step's own time (from the log) and the whole run's. Target: image mode at most
// 4x the host's (one loader query in one container; copying and patching happen here).
import { readdirSync, rmSync } from 'node:fs';
import { DEBIAN_LIBS, writeDebianLibsPackage } from '../__tests__/helpers/debian-libs.mjs';
import { join } from 'node:path';

const IMAGE = 'algorithmia-test/debian:bookworm';
/** "Bundle libs: 1.2 s" or "Bundle libs: 850 ms" in the log, in seconds. */
function bundleStepS(text) {
  const m = /Bundle libs: ([\d.]+) (ms|s)\b/.exec(text);
  if (!m) throw new Error(`no "Bundle libs:" timing in the log:\n${text.slice(-3000)}`);
  return m[2] === 'ms' ? Number(m[1]) / 1000 : Number(m[1]);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchBundle({ dist, work, measured, runs, modules = 20 }) {
  const dir = join(work, 'bundle');
  rmSync(dir, { recursive: true, force: true });
  // Built with /usr/bin/python3's headers (the image has 3.11 too).
  writeDebianLibsPackage(dir, '/usr/bin/python3', modules);
  const base = [
    process.execPath,
    join(dist, 'cli/index.js'),
    'build',
    '--working-directory',
    dir,
    '--package-dir',
    'debpkg',
    '--version',
    '1.0.0',
    '--python',
    'python3',
    '--bundle-libs',
    'true',
  ];
  const image = [
    '--image',
    IMAGE,
    '--container-engine',
    'podman',
    '--docker-options=--network none',
  ];
  const samples = { host: [], image: [] };
  for (let run = 0; run < runs; run++) {
    for (const mode of ['host', 'image']) {
      const out = join(dir, `out-${mode}-${run}`);
      const argv = [...base, '--output-dir', out, ...(mode === 'image' ? image : [])];
      const sample = await measured(`bundle (${mode})`, argv);
      if (!readdirSync(out).some((f) => f.endsWith('.whl'))) throw new Error(`no wheel in ${out}`);
      samples[mode].push({
        stepS: bundleStepS(sample.stderr + sample.stdout),
        wallS: sample.wallMs / 1000,
      });
    }
  }
  const host = median(samples.host.map((s) => s.stepS));
  const inImage = median(samples.image.map((s) => s.stepS));
  const result = {
    modules,
    libraries: DEBIAN_LIBS.length,
    runs,
    hostStepS: host,
    imageStepS: inImage,
    ratio: Math.round((inImage / host) * 100) / 100,
    hostWallS: median(samples.host.map((s) => s.wallS)),
    imageWallS: median(samples.image.map((s) => s.wallS)),
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}

export function printBundle(r) {
  console.log('');
  console.log(
    `| bundle-libs, ${r.modules} modules x ${r.libraries} Debian libraries | Bundle libs step | whole run |`,
  );
  console.log('| --- | --- | --- |');
  console.log(`| this machine | ${r.hostStepS.toFixed(2)} s | ${r.hostWallS.toFixed(1)} s |`);
  console.log(
    `| image ${IMAGE} | ${r.imageStepS.toFixed(2)} s (${r.ratio}x) | ${r.imageWallS.toFixed(1)} s |`,
  );
}

export const bundleTargets = (r) => ({
  'bundle-libs in an image at most 4x this machine': r.ratio <= 4,
});
