/**
 * Every input the action and the CLI accept, with its default. action.yml documents the same
 * inputs (a test keeps the two in step); the runner applies action.yml's defaults, and
 * getInputs() applies these, so a run without the runner (the CLI, the tests) behaves the same.
 */
export interface InputSpec {
  default: string;
  /** One value per line; the CLI takes the flag several times. */
  multiline?: boolean;
  /** One line for `algorithmia-wheel --help`. */
  help: string;
}

const specs = {
  'working-directory': {
    default: '.',
    help: 'folder the build runs in; relative paths start here',
  },
  'build-command': { default: '', help: 'shell command that builds the C++ project (optional)' },
  'build-timeout': { default: '', help: 'minutes build-command may run (default: no limit)' },
  'package-dir': {
    default: '',
    help: 'folder holding the finished package (named like the import)',
  },
  stage: {
    default: '',
    multiline: true,
    help: '"SOURCE_GLOB => DEST_DIR" lines copying build products into the wheel',
  },
  name: {
    default: '',
    help: 'distribution name (default: the only top-level package or module)',
  },
  version: { default: '', help: 'PEP 440 version (default on a tag push: the tag without "v")' },
  python: {
    default: 'auto',
    help: 'interpreter path, command on PATH (python3), version (2.7, 3.6, 3) or auto',
  },
  'wheel-tag': { default: '', help: 'override the tag, e.g. py2-none-any (default: from python)' },
  requires: { default: '', multiline: true, help: 'Requires-Dist lines, one requirement per line' },
  'requires-python': {
    default: '',
    help: 'PEP 440 specifier set written as Requires-Python, e.g. >=3.6 (pip skips the wheel elsewhere)',
  },
  summary: { default: '', help: 'one-line summary for METADATA' },
  author: { default: '', help: 'author for METADATA' },
  license: { default: '', help: 'license for METADATA' },
  'home-page': { default: '', help: 'home page URL for METADATA' },
  'license-files': {
    default: 'LICEN[CS]E*\nCOPYING*\nNOTICE*\nAUTHORS*',
    multiline: true,
    help: 'globs of license files for .dist-info/licenses/ (false: none)',
  },
  readme: { default: '', help: 'README file (.md, .rst, .txt) for the long description' },
  import: {
    default: '',
    multiline: true,
    help: 'modules to import when verifying (default: every top-level package and module)',
  },
  'test-command': { default: '', help: 'shell command run against the installed wheel' },
  'test-timeout': { default: '10', help: 'minutes test-command may run' },
  'output-dir': { default: 'dist', help: 'folder the verified wheel is written to' },
  'compression-level': {
    default: '4',
    help: 'deflate level 1-9 (4: fast on all cores; 6: what zip and setuptools use)',
  },
  'project-dir': {
    default: '',
    help: 'a setup.py/pyproject.toml project built by the python itself (instead of package-dir/stage)',
  },
  image: { default: '', help: 'run build, probe and verification in this docker image' },
  'container-engine': { default: 'docker', help: 'docker or podman (with image)' },
  'docker-options': { default: '', help: 'extra `docker run` options (with image)' },
  env: { default: '', multiline: true, help: 'NAME=value lines passed into the image' },
  'check-libs': { default: 'true', help: 'fail when an installed .so cannot find its libraries' },
  'bundle-libs': { default: 'false', help: 'copy needed non-system libraries into <pkg>.libs/' },
  'library-path': {
    default: '',
    multiline: true,
    help: 'folders searched for the libraries to bundle (LD_LIBRARY_PATH for bundle-libs)',
  },
  'exclude-libs': {
    default: '',
    multiline: true,
    help: 'library name globs bundle-libs leaves out (the runtime provides them: libcuda.so.*)',
  },
  'target-glibc': {
    default: '',
    help: 'oldest runtime: glibc version (2.23) or manylinux policy (default with image: its libc)',
  },
  'platform-tag': {
    default: 'linux',
    help: 'linux (linux_<arch>) or manylinux (the strictest manylinux policy the wheel meets)',
  },
  's3-bucket': { default: '', help: 'S3 bucket to publish to (empty: no S3)' },
  's3-prefix': { default: '', help: 'key prefix inside the bucket, e.g. wheels/' },
  's3-region': { default: '', help: 'bucket region (default: AWS_REGION / AWS_DEFAULT_REGION)' },
  's3-endpoint': { default: '', help: 'endpoint URL of an S3-compatible store (MinIO...)' },
  's3-force-path-style': { default: 'false', help: 'path-style URLs (most S3-compatible stores)' },
  's3-acl': { default: 'private', help: 'private or public-read' },
  's3-overwrite': { default: 'false', help: 'replace an existing object with different bytes' },
  's3-max-attempts': { default: '5', help: 'attempts per S3 request (SDK standard retries)' },
  's3-index': { default: 'false', help: 'maintain a PEP 503 index next to the wheels' },
  'verify-published': {
    default: 'true',
    help: 'after publishing to S3, install from the published URL/index: true (= anonymous), credentials or false',
  },
  'artifact-name': {
    default: '',
    help: 'workflow artifact name (default: the wheel file name; false: no artifact)',
  },
  'retention-days': { default: '', help: 'days the workflow artifact is kept (1-90)' },
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof specs;
export const INPUT_SPECS: Readonly<Record<InputName, InputSpec>> = specs;
export const INPUT_NAMES = Object.keys(specs) as InputName[];

/** Reads one raw input by name ('' when unset); main.ts and cli.ts each provide one. */
export type InputSource = (name: InputName) => string;
