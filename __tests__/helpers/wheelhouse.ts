/**
 * A wheelhouse made from what is on this machine (no network here): installed distributions of a
 * real interpreter, packed back into py3-none-any wheels from their RECORD (their own files, their
 * own METADATA), with a fresh RECORD. Used as `test-find-links` for `test-requires`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const REPACK = String.raw`
import base64, hashlib, os, sys, zipfile
from importlib import metadata
out = sys.argv[1]
for name in sys.argv[2:]:
    dist = metadata.distribution(name)
    info = None
    rows, members = [], []
    for f in dist.files:
        s = str(f)
        if s.startswith("..") or "__pycache__" in s or s.endswith(".pyc"):
            continue
        if s.endswith(".dist-info/RECORD"):
            info = s[: -len("/RECORD")]
            continue
        if os.path.basename(s) in ("INSTALLER", "REQUESTED", "direct_url.json"):
            continue
        members.append(s)
    assert info, name
    version = dist.version
    wheel = "%s-%s-py3-none-any.whl" % (dist.metadata["Name"].replace("-", "_"), version)
    with zipfile.ZipFile(os.path.join(out, wheel), "w", zipfile.ZIP_DEFLATED) as z:
        for s in members:
            data = open(str(dist.locate_file(s)), "rb").read()
            z.writestr(s, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            rows.append("%s,sha256=%s,%d" % (s, digest, len(data)))
        rows.append(info + "/RECORD,,")
        z.writestr(info + "/RECORD", "\n".join(rows) + "\n")
    print(wheel)
`;

/** Packs the installed `names` of `python` into wheels in a fresh folder; returns it and the files. */
export function wheelhouseFromInstalled(
  python: string,
  names: readonly string[],
): { dir: string; wheels: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'wheelhouse-'));
  const out = execFileSync(python, ['-c', REPACK, dir, ...names], { encoding: 'utf8' });
  return { dir, wheels: out.trim().split('\n') };
}
