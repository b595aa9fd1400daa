/**
 * Every input the action and the CLI accept. The defaults are action.yml's (one source: `npm run
 * docs` writes them into action-defaults.ts); the runner applies them for the action, and
 * getInputs() applies the same ones, so a run without the runner (the CLI, the tests) behaves
 * the same.
 */
import { ACTION_DEFAULTS } from './action-defaults.js';

export interface InputSpec {
  default: string;
  /** One value per line; the CLI takes the flag several times. */
  multiline?: boolean;
  /** One line for `algorithmia-wheel --help`. */
  help: string;
}

const specs = {
  'working-directory': {
    help: 'folder the build runs in; relative paths start here',
  },
  'build-command': { help: 'shell command that builds the C++ project (optional)' },
  'build-timeout': { help: 'minutes build-command may run (default: no limit)' },
  'package-dir': {
    help: 'folder holding the finished package (named like the import)',
  },
  stage: {
    multiline: true,
    help: '"SOURCE_GLOB => DEST_DIR" lines copying build products into the wheel',
  },
  name: {
    help: 'distribution name (default: the only top-level package or module)',
  },
  version: { help: 'PEP 440 version (default on a tag push: the tag without "v")' },
  python: {
    help: 'interpreter path, command on PATH (python3), version (2.7, 3.6, 3) or auto',
  },
  'wheel-tag': { help: 'override the tag, e.g. py2-none-any (default: from python)' },
  requires: { multiline: true, help: 'Requires-Dist lines, one requirement per line' },
  'requires-python': {
    help: 'PEP 440 specifier set written as Requires-Python, e.g. >=3.6 (pip skips the wheel elsewhere)',
  },
  summary: { help: 'one-line summary for METADATA' },
  author: { help: 'author for METADATA' },
  license: { help: 'license for METADATA' },
  'home-page': { help: 'home page URL for METADATA' },
  'license-files': {
    multiline: true,
    help: 'globs of license files for .dist-info/licenses/ (false: none)',
  },
  readme: { help: 'README file (.md, .rst, .txt) for the long description' },
  import: {
    multiline: true,
    help: 'modules to import when verifying (default: every top-level package and module)',
  },
  'test-command': { help: 'shell command run against the installed wheel' },
  'test-timeout': { help: 'minutes test-command may run' },
  'test-requires': {
    multiline: true,
    help: 'requirements installed for test-command only, from test-find-links',
  },
  'test-find-links': {
    help: 'folder of wheels (offline) or index URL for test-requires',
  },
  'output-dir': { help: 'folder the verified wheel is written to' },
  'compression-level': {
    help: 'deflate level 1-9 (4: fast on all cores; 6: what zip and setuptools use)',
  },
  'project-dir': {
    help: 'a setup.py/pyproject.toml project built by the python itself (instead of package-dir/stage)',
  },
  image: { help: 'run build, probe and verification in this docker image' },
  'container-engine': { help: 'docker or podman (with image)' },
  'docker-options': { help: 'extra `docker run` options (with image)' },
  env: { multiline: true, help: 'NAME=value lines passed into the image' },
  'verify-image': {
    multiline: true,
    help: 'images to verify the wheel in, one per line (default: image, or this machine)',
  },
  'check-libs': { help: 'fail when an installed .so cannot find its libraries' },
  'bundle-libs': { help: 'copy needed non-system libraries into <pkg>.libs/' },
  'library-path': {
    multiline: true,
    help: 'folders searched for the libraries to bundle (LD_LIBRARY_PATH for bundle-libs)',
  },
  'exclude-libs': {
    multiline: true,
    help: 'library name globs bundle-libs leaves out (the runtime provides them: libcuda.so.*)',
  },
  'target-glibc': {
    help: 'oldest runtime: glibc version (2.23) or manylinux policy (default with image: its libc)',
  },
  'platform-tag': {
    help: 'linux (linux_<arch>) or manylinux (the strictest manylinux policy the wheel meets)',
  },
  's3-bucket': { help: 'S3 bucket to publish to (empty: no S3)' },
  's3-prefix': { help: 'key prefix inside the bucket, e.g. wheels/' },
  's3-region': { help: 'bucket region (default: AWS_REGION / AWS_DEFAULT_REGION)' },
  's3-endpoint': { help: 'endpoint URL of an S3-compatible store (MinIO...)' },
  's3-force-path-style': { help: 'path-style URLs (most S3-compatible stores)' },
  's3-acl': { help: 'private or public-read' },
  's3-overwrite': { help: 'replace an existing object with different bytes' },
  's3-max-attempts': { help: 'attempts per S3 request (SDK standard retries)' },
  's3-index': { help: 'maintain a PEP 503 index next to the wheels' },
  'verify-published': {
    help: 'after publishing to S3, install from the published URL/index: true (= anonymous), credentials or false',
  },
  'artifact-name': {
    help: 'workflow artifact name (default: the wheel file name; false: no artifact)',
  },
  'retention-days': { help: 'days the workflow artifact is kept (1-90)' },
} as const satisfies Record<keyof typeof ACTION_DEFAULTS, Omit<InputSpec, 'default'>>;

export type InputName = keyof typeof specs;
export const INPUT_NAMES = Object.keys(specs) as InputName[];
export const INPUT_SPECS: Readonly<Record<InputName, InputSpec>> = Object.fromEntries(
  INPUT_NAMES.map((name) => [name, { ...specs[name], default: ACTION_DEFAULTS[name] }]),
) as Record<InputName, InputSpec>;

/** Reads one raw input by name ('' when unset); main.ts and cli.ts each provide one. */
export type InputSource = (name: InputName) => string;
