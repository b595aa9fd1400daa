import { describe, expect, it } from 'vitest';
import { ACTION_DEFAULTS } from '../../src/inputs/action-defaults.js';
import { INPUT_NAMES, INPUT_SPECS } from '../../src/inputs/input-spec.js';
import { helpText } from '../../src/shell/command.js';

/** The flag lines of `algorithmia-wheel --help`: one per input, in action.yml's order. */
function flagLines(): string[] {
  const lines = helpText().split('\n');
  const first = lines.indexOf("Flags (the action's inputs):") + 1;
  return lines.slice(
    first,
    lines.findIndex((line) => line.startsWith('  --json')),
  );
}

describe('the inputs as --help shows them (src/inputs/input-spec.ts)', () => {
  it('one line per input, word for word: its help, its default, repeatable when multi-line', () => {
    expect(flagLines()).toEqual([
      '  --working-directory <value>    folder the build runs in; relative paths start here (default: .)',
      '  --build-command <value>        shell command that builds the C++ project (optional)',
      '  --build-timeout <value>        minutes build-command may run (default: no limit)',
      '  --package-dir <value>          folder holding the finished package (named like the import)',
      '  --stage <value>                "SOURCE_GLOB => DEST_DIR" lines copying build products into the wheel (repeatable)',
      '  --name <value>                 distribution name (default: the only top-level package or module)',
      '  --version <value>              PEP 440 version (default on a tag push: the tag without "v")',
      '  --python <value>               interpreter path, command on PATH (python3), version (2.7, 3.6, 3) or auto (default: auto)',
      '  --wheel-tag <value>            override the tag, e.g. py2-none-any (default: from python)',
      '  --requires <value>             Requires-Dist lines, one requirement per line (repeatable)',
      '  --requires-python <value>      PEP 440 specifier set written as Requires-Python, e.g. >=3.6 (pip skips the wheel elsewhere)',
      '  --summary <value>              one-line summary for METADATA',
      '  --author <value>               author for METADATA',
      '  --license <value>              license for METADATA',
      '  --home-page <value>            home page URL for METADATA',
      '  --license-files <value>        globs of license files for .dist-info/licenses/ (false: none) (default: LICEN[CS]E*, COPYING*, NOTICE*, AUTHORS*, repeatable)',
      '  --readme <value>               README file (.md, .rst, .txt) for the long description',
      '  --import <value>               modules to import when verifying (default: every top-level package and module) (repeatable)',
      '  --test-command <value>         shell command run against the installed wheel',
      '  --test-timeout <value>         minutes test-command may run (default: 10)',
      '  --test-requires <value>        requirements installed for test-command only, from test-find-links (repeatable)',
      '  --test-find-links <value>      folder of wheels (offline) or index URL for test-requires',
      '  --output-dir <value>           folder the verified wheel is written to (default: dist)',
      '  --compression-level <value>    deflate level 1-9 (4: fast on all cores; 6: what zip and setuptools use) (default: 4)',
      '  --project-dir <value>          a setup.py/pyproject.toml project built by the python itself (instead of package-dir/stage)',
      '  --image <value>                run build, probe and verification in this docker image',
      '  --container-engine <value>     docker or podman (with image) (default: docker)',
      '  --docker-options <value>       extra `docker run` options (with image)',
      '  --env <value>                  NAME=value lines passed into the image (repeatable)',
      '  --verify-image <value>         images to verify the wheel in, one per line (default: image, or this machine) (repeatable)',
      '  --check-libs <value>           fail when an installed .so cannot find its libraries (default: true)',
      '  --bundle-libs <value>          copy needed non-system libraries into <pkg>.libs/ (default: false)',
      '  --library-path <value>         folders searched for the libraries to bundle (LD_LIBRARY_PATH for bundle-libs) (repeatable)',
      '  --exclude-libs <value>         library name globs bundle-libs leaves out (the runtime provides them: libcuda.so.*) (repeatable)',
      '  --target-glibc <value>         oldest runtime: glibc version (2.23) or manylinux policy (default with image: its libc)',
      '  --platform-tag <value>         linux (linux_<arch>) or manylinux (the strictest manylinux policy the wheel meets) (default: linux)',
      '  --s3-bucket <value>            S3 bucket to publish to (empty: no S3)',
      '  --s3-prefix <value>            key prefix inside the bucket, e.g. wheels/',
      '  --s3-region <value>            bucket region (default: AWS_REGION / AWS_DEFAULT_REGION)',
      '  --s3-endpoint <value>          endpoint URL of an S3-compatible store (MinIO...)',
      '  --s3-force-path-style <value>  path-style URLs (most S3-compatible stores) (default: false)',
      '  --s3-acl <value>               private or public-read (default: private)',
      '  --s3-overwrite <value>         replace an existing object with different bytes (default: false)',
      '  --s3-max-attempts <value>      attempts per S3 request (SDK standard retries) (default: 5)',
      '  --s3-index <value>             maintain a PEP 503 index next to the wheels (default: false)',
      '  --verify-published <value>     after publishing to S3, install from the published URL/index: true (= anonymous), credentials or false (default: true)',
      '  --artifact-name <value>        workflow artifact name (default: the wheel file name; false: no artifact)',
      '  --retention-days <value>       days the workflow artifact is kept (1-90)',
    ]);
  });

  it("takes each default from action.yml's and marks exactly the multi-line inputs", () => {
    expect(INPUT_NAMES).toEqual(Object.keys(ACTION_DEFAULTS));
    for (const name of INPUT_NAMES) expect(INPUT_SPECS[name].default).toBe(ACTION_DEFAULTS[name]);
    expect(INPUT_NAMES.filter((name) => INPUT_SPECS[name].multiline === true)).toEqual([
      'stage',
      'requires',
      'license-files',
      'import',
      'test-requires',
      'env',
      'verify-image',
      'library-path',
      'exclude-libs',
    ]);
  });
});
