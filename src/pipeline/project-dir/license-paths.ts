import type { Executor } from '../../exec/executor.js';
import type { Log } from '../../log/log.js';
import { lastLines } from '../../log/text-tail.js';

// The license files bdist_wheel (wheel 0.37/0.38) copies into .dist-info, asked of the project's
// setuptools the way bdist_wheel asks it: setuptools >= 57 resolves `license_files` itself;
// before, setup.cfg's license_file(s), else the default globs in the project folder. Runs on
// Python 2.7 too. setup.py runs in one namespace, as Python 3's run_setup runs it (2.7's splits
// globals from locals, so a function in setup.py no longer sees its imports). Lines are marked:
// setup.py may print.
const LICENSE_PATHS = String.raw`
import os, sys
from glob import glob
import setuptools
import distutils.core
distutils.core._setup_stop_after = "config"
sys.argv = ["setup.py"]
code = compile(open("setup.py", "rb").read(), "setup.py", "exec")
try:
    exec(code, {"__file__": "setup.py", "__name__": "__main__"})
except SystemExit:
    pass
dist = distutils.core._setup_distribution
major = int(setuptools.__version__.split(".")[0])
meta = dist.get_option_dict("metadata")
resolved = getattr(dist.metadata, "license_files", None)
if major >= 57:
    paths = list(resolved or ())
else:
    paths = []
    if major >= 42:
        patterns = resolved
    else:
        patterns = meta["license_files"][1].split() if "license_files" in meta else ()
    if "license_file" in meta:
        paths.append(meta["license_file"][1])
    if not paths and not patterns and not isinstance(patterns, list):
        patterns = ("LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*")
    for pattern in patterns:
        for path in sorted(glob(pattern)):
            if not path.endswith("~") and path not in paths and os.path.isfile(path):
                paths.append(path)
for path in paths:
    sys.stdout.write("license-path:" + os.path.join(os.getcwd(), path) + "\n")
`;

/**
 * The license files bdist_wheel would copy into `.dist-info/` (by their base name) for this
 * setup.py project; none, with a warning, when setup.py cannot be asked.
 */
export async function readLicensePaths(options: {
  executor: Executor;
  python: string;
  projectDir: string;
  env: Record<string, string>;
  log: Log;
}): Promise<string[]> {
  const { executor, python, projectDir, log } = options;
  const result = await executor.run([python, '-c', LICENSE_PATHS], {
    cwd: projectDir,
    env: options.env,
  });
  if (result.exitCode !== 0) {
    log.warning(
      `the project's license files could not be read from setup.py: the wheel carries none. ${lastLines(result.stderr, 1)}`,
    );
    return [];
  }
  return result.stdout
    .split('\n')
    .filter((line) => line.startsWith('license-path:'))
    .map((line) => line.slice('license-path:'.length));
}
