/**
 * Bad input, table-driven, through the bundled action (dist/index.js) the way the runner runs it.
 * Every case has both publishers configured (S3 on moto behind a recording proxy, the artifact
 * service), so a value that slipped through would show as a write. Each case must end with
 * exactly one `::error` that names the input and says what to do, a non-zero exit, no stack
 * trace, no outputs, no output folder, and nothing sent to S3 or the artifact service.
 */
import { ListObjectsV2Command, CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUT_NAMES, type InputName } from '../../src/inputs/input-spec.js';
import { startArtifactService, type ArtifactService } from '../helpers/artifact-service.js';
import { errorAnnotations, runBundledAction } from '../helpers/example.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { MOTO_CREDENTIALS, startMoto, type Moto, motoClient } from '../helpers/moto.js';
import { defaultPython3 } from '../helpers/python.js';

const BUCKET = 'bad-input';

let moto: Moto;
let proxy: FaultProxy;
let artifacts: ArtifactService;
let admin: S3Client;
let python: string;
/** GITHUB_WORKSPACE: holds ws/ (the working directory) and outside/. */
let root: string;
let ws: string;

type Inputs = Partial<Record<InputName, string>>;

interface BadInput {
  /** The input the error must name. */
  input: InputName;
  label: string;
  /** Overrides of the base inputs (a working tiny package, both publishers on). */
  inputs: () => Inputs;
  message: RegExp;
}

/** A file layout under ws/ for one case; returns the folder name relative to ws. */
function folder(name: string, files: Record<string, string>): string {
  const dir = join(ws, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return name;
}

const WITH_IMAGE = { image: 'algorithmia-test/debian:bookworm' };

const CASES: BadInput[] = [
  // Folders and the package.
  {
    input: 'working-directory',
    label: 'a folder that does not exist',
    inputs: () => ({ 'working-directory': 'no-such-folder' }),
    message: /working directory .*no-such-folder does not exist/,
  },
  {
    input: 'package-dir',
    label: 'empty, and no stage (one of them is required)',
    inputs: () => ({ 'package-dir': '' }),
    message: /neither `package-dir` nor `stage`/,
  },
  {
    input: 'package-dir',
    label: 'a folder that does not exist',
    inputs: () => ({ 'package-dir': 'missing' }),
    message: /package folder .*missing does not exist/,
  },
  {
    input: 'package-dir',
    label: 'itself a symbolic link to a package folder out of the working directory',
    inputs: () => {
      // A folder with __init__.py and a credentials file: it must not be packed.
      mkdirSync(join(root, 'home_creds'));
      writeFileSync(join(root, 'home_creds', '__init__.py'), '');
      writeFileSync(join(root, 'home_creds', 'credentials'), 'aws_secret_access_key = x\n');
      symlinkSync(join(root, 'home_creds'), join(ws, 'linkedpkg'));
      return { 'package-dir': 'linkedpkg' };
    },
    message: /ws\/linkedpkg is a symbolic link to .*\/home_creds, outside .*\/ws\./,
  },
  {
    input: 'package-dir',
    label: 'a folder name that is not an identifier',
    inputs: () => ({ 'package-dir': folder('my-pkg', { '__init__.py': '' }) }),
    message: /"my-pkg" is not an importable Python name/,
  },
  {
    input: 'package-dir',
    label: 'no __init__.py',
    inputs: () => ({ 'package-dir': folder('noinit', { 'core.py': 'x = 1\n' }) }),
    message: /"noinit" has no __init__\.py/,
  },
  {
    input: 'package-dir',
    label: 'a file that is a symbolic link out of the package',
    inputs: () => {
      const name = folder('linkpkg', { '__init__.py': '' });
      symlinkSync(join(root, 'outside', 'secret.txt'), join(ws, name, 'data.txt'));
      return { 'package-dir': name };
    },
    message: /data\.txt is a symbolic link to .*outside\/secret\.txt, outside/,
  },
  {
    input: 'package-dir',
    label: 'a file name with a backslash (escapes the install target on Windows)',
    inputs: () => ({
      'package-dir': folder('slashpkg', { '__init__.py': '', '..\\..\\evil.py': '' }),
    }),
    message: /"slashpkg\/\.\.\\\.\.\\evil\.py" is not a safe path inside a wheel/,
  },
  {
    input: 'package-dir',
    label: 'a file, not a folder (not "does not exist")',
    inputs: () => ({ 'package-dir': 'tinypkg/__init__.py' }),
    message: /tinypkg\/__init__\.py is a file, not the package folder/,
  },
  {
    input: 'package-dir',
    label: 'a file name that is not UTF-8 (not "a broken symbolic link")',
    inputs: () => {
      const name = folder('latin1pkg', { '__init__.py': '' });
      const raw = Buffer.concat([
        Buffer.from(join(ws, name, 'caf')),
        Buffer.from([0xe9, 0x2e, 0x70, 0x79]),
      ]);
      writeFileSync(raw, 'x = 1\n');
      return { 'package-dir': name };
    },
    message: /latin1pkg\/caf\uFFFD\.py" is not valid UTF-8/,
  },
  {
    input: 'build-command',
    label: 'a staged file that grows while it is packed (a background writer)',
    inputs: () => {
      const name = folder('growpkg', { '__init__.py': '', 'grow.log': '' });
      return {
        'package-dir': name,
        // Bounded: the writer stops by itself after 10 s.
        'build-command': `timeout 10 sh -c 'while :; do echo 0123456789abcdef >> ${name}/grow.log; done' >/dev/null 2>&1 &`,
      };
    },
    message: /growpkg\/grow\.log changed size while it was packed/,
  },
  // Stage rules.
  {
    input: 'name',
    label: 'several top-level modules staged with `=> .` and no name',
    inputs: () => ({
      'package-dir': '',
      stage: `${folder('twomods', { 'alpha.py': '', 'beta.py': '' })}/*.py => .`,
    }),
    message: /several top-level modules and packages \(alpha, beta\).*Fix: set `name`/,
  },
  {
    input: 'python',
    label: 'a cp36 extension module staged for a newer python (ABI check before packing)',
    inputs: () => ({
      'package-dir': '',
      stage: `${folder('abi36', { 'fast.cpython-36m-x86_64-linux-gnu.so': 'ELF' })}/*.so => .`,
    }),
    message:
      /extension module fast\.cpython-36m-x86_64-linux-gnu\.so has the suffix \.cpython-36m-x86_64-linux-gnu\.so, which CPython 3\.\d+\.\d+ .*does not import; it imports \.cpython-3\d+-x86_64-linux-gnu\.so, \.abi3\.so, \.so\./,
  },
  {
    input: 'stage',
    label: 'a destination name over 255 bytes (ENAMETOOLONG at install)',
    inputs: () => ({ stage: `tinypkg/*.py => tinypkg/${'x'.repeat(300)}` }),
    message: /has a name of 300 bytes; file systems allow 255/,
  },
  {
    input: 'stage',
    label: 'a line without =>',
    inputs: () => ({ 'package-dir': '', stage: 'tinypkg/*.py -> tinypkg' }),
    message: /line 1 \("tinypkg\/\*\.py -> tinypkg"\) is not of the form SOURCE_GLOB => DEST_DIR/,
  },
  {
    input: 'stage',
    label: 'a glob escaping the workspace with ..',
    inputs: () => ({ stage: '../outside/*.txt => tinypkg' }),
    message: /the glob "\.\.\/outside\/\*\.txt" leaves the working directory/,
  },
  {
    input: 'stage',
    label: 'an absolute glob',
    inputs: () => ({ stage: '/etc/host* => tinypkg' }),
    message: /the glob "\/etc\/host\*" leaves the working directory/,
  },
  {
    input: 'stage',
    label: 'a destination escaping the wheel',
    inputs: () => ({ stage: 'tinypkg/*.py => tinypkg/../../site-packages' }),
    message:
      /DEST_DIR "tinypkg\/\.\.\/\.\.\/site-packages" must be a relative folder inside the wheel/,
  },
  {
    input: 'stage',
    label: 'an absolute destination',
    inputs: () => ({ stage: 'tinypkg/*.py => /usr/lib/python3' }),
    message: /DEST_DIR "\/usr\/lib\/python3" must be a relative folder/,
  },
  {
    input: 'stage',
    label: 'a glob matching nothing',
    inputs: () => ({ stage: 'build/*.so => tinypkg' }),
    message: /"build\/\*\.so" matched no files/,
  },
  {
    input: 'stage',
    label: 'a glob through a folder symlinked out of the workspace',
    inputs: () => {
      symlinkSync(join(root, 'outside'), join(ws, 'linked'));
      return { stage: 'linked/*.txt => tinypkg' };
    },
    message: /linked\/secret\.txt is behind a symbolic link to .*outside\/secret\.txt/,
  },
  // Conflicts.
  {
    input: 'project-dir',
    label: 'project-dir together with package-dir',
    inputs: () => ({ 'project-dir': 'proj' }),
    message: /`project-dir` cannot be combined with `package-dir` or `stage`/,
  },
  {
    input: 'bundle-libs',
    label: 'bundle-libs with a project-dir wheel',
    inputs: () => ({ 'package-dir': '', 'project-dir': 'proj', 'bundle-libs': 'true' }),
    message: /`bundle-libs` works on staged build products/,
  },
  {
    input: 'summary',
    label: 'summary with a project-dir wheel (its build writes METADATA)',
    inputs: () => ({ 'package-dir': '', 'project-dir': 'proj', summary: 'A summary' }),
    message: /`summary` cannot be applied to a `project-dir` wheel/,
  },
  // Files for .dist-info.
  {
    input: 'license-files',
    label: 'a glob that matches no file',
    inputs: () => ({ 'license-files': 'LICENSE-THIRD-PARTY*' }),
    message: /"LICENSE-THIRD-PARTY\*" matched no file in /,
  },
  {
    input: 'license-files',
    label: 'a glob outside the working directory',
    inputs: () => ({ 'license-files': '../outside/*.txt' }),
    message: /"\.\.\/outside\/\*\.txt" is not a glob inside the working directory/,
  },
  {
    input: 'readme',
    label: 'a file that does not exist',
    inputs: () => ({ readme: 'README.md' }),
    message: /the readme .*README\.md does not exist/,
  },
  {
    input: 'readme',
    label: 'an extension that names no format',
    inputs: () => ({ readme: 'README.html' }),
    message: /cannot tell the format of the readme "README\.html"/,
  },
  {
    input: 'exclude-libs',
    label: 'a glob with a folder in it',
    inputs: () => ({ 'bundle-libs': 'true', 'exclude-libs': '/usr/lib/libcuda.so.*' }),
    message: /exclude-libs "\/usr\/lib\/libcuda\.so\.\*" is not a library file name glob/,
  },
  {
    input: 'exclude-libs',
    label: 'exclude-libs without bundle-libs',
    inputs: () => ({ 'exclude-libs': 'libcuda.so.*' }),
    message: /`exclude-libs` only applies with `bundle-libs: true`/,
  },
  {
    input: 'target-glibc',
    label: 'not a glibc version or policy',
    inputs: () => ({ 'target-glibc': 'ubuntu16.04' }),
    message: /target-glibc "ubuntu16\.04" is neither a glibc version/,
  },
  {
    input: 'target-glibc',
    label: 'a misspelt policy',
    inputs: () => ({ 'target-glibc': 'manylinux2016' }),
    message: /target-glibc "manylinux2016" is not a manylinux policy name/,
  },
  {
    input: 'platform-tag',
    label: 'an unknown platform-tag',
    inputs: () => ({ 'platform-tag': 'musllinux' }),
    message: /platform-tag "musllinux" is not supported/,
  },
  {
    input: 'platform-tag',
    label: 'platform-tag manylinux with wheel-tag',
    inputs: () => ({ 'platform-tag': 'manylinux', 'wheel-tag': 'py3-none-linux_x86_64' }),
    message: /platform-tag: manylinux cannot be combined with `wheel-tag`/,
  },
  {
    input: 's3-index',
    label: 's3-index without s3-bucket',
    inputs: () => ({ 's3-bucket': '', 's3-index': 'true' }),
    message: /`s3-index` needs `s3-bucket`/,
  },
  {
    input: 'verify-published',
    label: 'a mode that is not one',
    inputs: () => ({ 'verify-published': 'signed' }),
    message: /"signed" is not a way to verify what was published/,
  },
  // Names and versions.
  {
    input: 'name',
    label: 'a name that would escape (../)',
    inputs: () => ({ name: '../evil' }),
    message: /"\.\.\/evil" is not a valid distribution name/,
  },
  {
    input: 'version',
    label: 'empty and not on a tag push',
    inputs: () => ({ version: '' }),
    message: /no version was given/,
  },
  {
    input: 'version',
    label: 'not PEP 440 (a dash label)',
    inputs: () => ({ version: '0.1.4-gpu' }),
    message: /"0\.1\.4-gpu".*use "0\.1\.4\+gpu"/,
  },
  {
    input: 'import',
    label: 'a module name with a dash',
    inputs: () => ({ import: 'tinypkg\nmy-module' }),
    message: /"my-module" is not a module name/,
  },
  {
    input: 'requires',
    label: 'a requirement without a version after >=',
    inputs: () => ({ requires: 'numpy>=' }),
    message: /"numpy>=" is not a valid requirement/,
  },
  {
    input: 'requires-python',
    label: 'a version without an operator',
    inputs: () => ({ 'requires-python': '3.6' }),
    message: /"3\.6" is not a PEP 440 version specifier set: "3\.6" has no operator/,
  },
  {
    input: 'requires',
    label: 'a marker with a bad operator (python_version >>> "3")',
    inputs: () => ({ requires: 'numpy\nenum34; python_version >>> "3"' }),
    message:
      /"enum34; python_version >>> "3"" is not a valid requirement: expected a marker variable/,
  },
  {
    input: 'requires',
    label: 'free text after ";"',
    inputs: () => ({ requires: 'numpy; only on linux please' }),
    message: /"numpy; only on linux please" is not a valid requirement: expected a marker variable/,
  },
  {
    input: 'stage',
    label: 'a file staged into the .dist-info folder (a second METADATA)',
    inputs: () => ({
      stage: `${folder('fake-meta', { METADATA: 'Name: evil\n' })}/METADATA => tinypkg-1.0.0.dist-info`,
    }),
    message:
      /"tinypkg-1\.0\.0\.dist-info\/METADATA" is staged into tinypkg-1\.0\.0\.dist-info\/, a metadata folder/,
  },
  {
    input: 'package-dir',
    label: 'a .dist-info folder as the package',
    inputs: () => ({ 'package-dir': folder('evil-1.0.dist-info', { METADATA: 'Name: evil\n' }) }),
    message:
      /"evil-1\.0\.dist-info\/METADATA" is staged into evil-1\.0\.dist-info\/, a metadata folder/,
  },
  {
    input: 'stage',
    label: 'a .data file outside the scheme folders',
    inputs: () => ({
      stage: `${folder('tool', { run: '#!/bin/sh\n' })}/run => tinypkg-1.0.0.data/bin`,
    }),
    message:
      /"tinypkg-1\.0\.0\.data\/bin\/run" is staged into tinypkg-1\.0\.0\.data\/ but not into one of its scheme folders/,
  },
  {
    input: 'summary',
    label: 'a summary over two lines (a header injection)',
    inputs: () => ({ summary: 'Fast sums\nRequires-Dist: evil' }),
    message: /a metadata field cannot span several lines/,
  },
  {
    input: 'author',
    label: 'an author over two lines',
    inputs: () => ({ author: 'A\nB' }),
    message: /cannot span several lines/,
  },
  {
    input: 'license',
    label: 'a license over two lines',
    inputs: () => ({ license: 'MIT\nGPL' }),
    message: /cannot span several lines/,
  },
  {
    input: 'home-page',
    label: 'a home page over two lines',
    inputs: () => ({ 'home-page': 'https://a.example\nhttps://b.example' }),
    message: /cannot span several lines/,
  },
  // Python and tags.
  {
    input: 'python',
    label: 'a path to something that is not python',
    inputs: () => {
      const fake = join(root, 'not-python');
      writeFileSync(fake, '#!/bin/sh\necho "I am not python"\n', { mode: 0o755 });
      return { python: fake };
    },
    message: /"[^"]*not-python" is not a working Python interpreter/,
  },
  {
    input: 'python',
    label: 'neither a path, a command nor a version',
    inputs: () => ({ python: '3.x' }),
    message: /"3\.x" is neither a path, a command name, a version nor "auto"/,
  },
  {
    input: 'python',
    label: 'a command that is not on PATH',
    inputs: () => ({ python: 'python-three' }),
    message: /`python-three` was not found on PATH on this machine/,
  },
  {
    input: 'wheel-tag',
    label: 'two parts instead of three',
    inputs: () => ({ 'wheel-tag': 'py3-none' }),
    message: /"py3-none" is not a wheel tag/,
  },
  // Commands.
  {
    input: 'build-command',
    label: 'a build command that fails',
    inputs: () => ({ 'build-command': 'echo compiling; exit 7' }),
    message: /the build command exited with code 7/,
  },
  {
    input: 'test-command',
    label: 'a test command that fails',
    inputs: () => ({ 'test-command': 'python -c "import tinypkg; assert tinypkg.VALUE == 2"' }),
    message: /test-command failed with exit code 1/,
  },
  // Output.
  {
    input: 'output-dir',
    label: 'a path that is a file',
    inputs: () => {
      const file = join(root, 'a-file');
      writeFileSync(file, 'not a folder\n');
      return { 'output-dir': file };
    },
    message: /a-file exists and is not a folder/,
  },
  {
    input: 'output-dir',
    label: 'a path below a file (ENOTDIR)',
    inputs: () => {
      const file = join(root, 'b-file');
      writeFileSync(file, 'not a folder\n');
      return { 'output-dir': join(file, 'dist') };
    },
    message: /cannot write the wheel to .*b-file\/dist: a part of the path is a file/,
  },
  {
    input: 'output-dir',
    label: 'a place nobody may write (sysfs)',
    inputs: () => ({ 'output-dir': '/sys/algorithmia-wheel-out' }),
    message: /cannot write the wheel to \/sys\/algorithmia-wheel-out: .*(EPERM|EACCES|EROFS)/,
  },
  {
    input: 'compression-level',
    label: 'zero (stored, not a deflate level)',
    inputs: () => ({ 'compression-level': '0' }),
    message: /"0" is not a compression level/,
  },
  {
    input: 'compression-level',
    label: 'not a number',
    inputs: () => ({ 'compression-level': 'fast' }),
    message: /"fast" is not a compression level/,
  },
  // Command timeouts (minutes).
  {
    input: 'build-timeout',
    label: 'zero',
    inputs: () => ({ 'build-timeout': '0' }),
    message: /'0' is not a timeout: give a positive number of minutes/,
  },
  {
    input: 'build-timeout',
    label: 'a unit after the number',
    inputs: () => ({ 'build-timeout': '10m' }),
    message: /'10m' is not a timeout/,
  },
  {
    input: 'test-timeout',
    label: 'negative',
    inputs: () => ({ 'test-timeout': '-1' }),
    message: /'-1' is not a timeout/,
  },
  // The image.
  {
    input: 'image',
    label: 'an invalid image reference',
    inputs: () => ({ image: 'UPPER::bad' }),
    message: /'UPPER::bad' is not a valid image reference/,
  },
  {
    input: 'container-engine',
    label: 'an unknown engine',
    inputs: () => ({ ...WITH_IMAGE, 'container-engine': 'lxc' }),
    message: /"lxc" is not a supported container engine/,
  },
  {
    input: 'docker-options',
    label: 'an unbalanced quote',
    inputs: () => ({ ...WITH_IMAGE, 'docker-options': '--env "FOO=bar' }),
    message: /unbalanced double quote/,
  },
  {
    input: 'verify-image',
    label: 'an invalid image reference on line 2',
    inputs: () => ({ 'verify-image': 'debian:bookworm\nUPPER::bad' }),
    message: /line 2: 'UPPER::bad' is not a valid image reference/,
  },
  {
    input: 'test-requires',
    label: 'a requirement without a source',
    inputs: () => ({ 'test-command': 'true', 'test-requires': 'pytest' }),
    message: /pytest has no source: the verification never downloads from PyPI on its own/,
  },
  {
    input: 'test-find-links',
    label: 'a URL that is not http(s)',
    inputs: () => ({
      'test-command': 'true',
      'test-requires': 'pytest',
      'test-find-links': 'ftp://example.com/wheels',
    }),
    message: /"ftp:\/\/example.com\/wheels" is neither a folder nor an http\(s\) index URL/,
  },
  {
    input: 'env',
    label: 'a line without =',
    inputs: () => ({ ...WITH_IMAGE, env: 'AWS_SECRET_ACCESS_KEY' }),
    message: /line 1 \('AWS_SECRET_ACCESS_KEY'\) has no '='/,
  },
  // Booleans.
  {
    input: 'check-libs',
    label: 'not a boolean',
    inputs: () => ({ 'check-libs': 'maybe' }),
    message: /"maybe" is not a boolean/,
  },
  {
    input: 's3-force-path-style',
    label: 'not a boolean',
    inputs: () => ({ 's3-force-path-style': 'yes' }),
    message: /"yes" is not a boolean/,
  },
  {
    input: 's3-overwrite',
    label: 'not a boolean',
    inputs: () => ({ 's3-overwrite': '1' }),
    message: /"1" is not a boolean/,
  },
  // S3.
  {
    input: 's3-bucket',
    label: 'uppercase and underscore',
    inputs: () => ({ 's3-bucket': 'My_Bucket' }),
    message: /'My_Bucket' is not a valid S3 bucket name: only lowercase letters/,
  },
  {
    input: 's3-bucket',
    label: 'an s3:// URL with a path',
    inputs: () => ({ 's3-bucket': 's3://releases/wheels' }),
    message: /it contains a scheme or a path/,
  },
  {
    input: 's3-bucket',
    label: 'an IP address',
    inputs: () => ({ 's3-bucket': '192.168.0.1' }),
    message: /must not look like an IP address/,
  },
  {
    input: 's3-prefix',
    label: 'a .. segment',
    inputs: () => ({ 's3-prefix': 'wheels/../../other' }),
    message: /must not contain a '\.\.' segment/,
  },
  {
    input: 's3-prefix',
    label: 'a leading /',
    inputs: () => ({ 's3-prefix': '/wheels' }),
    message: /must not start with '\/'/,
  },
  {
    input: 's3-prefix',
    label: 'an empty segment',
    inputs: () => ({ 's3-prefix': 'wheels//tiny' }),
    message: /empty segment/,
  },
  {
    input: 's3-region',
    label: 'not a region name',
    inputs: () => ({ 's3-region': 'US East 1' }),
    message: /"US East 1" is not an AWS region name/,
  },
  {
    input: 's3-endpoint',
    label: 'not http(s)',
    inputs: () => ({ 's3-endpoint': 'ftp://files.example.com' }),
    message: /must use http:\/\/ or https:\/\//,
  },
  {
    input: 's3-endpoint',
    label: 'no scheme',
    inputs: () => ({ 's3-endpoint': '127.0.0.1:9000' }),
    message: /is not a URL/,
  },
  {
    input: 's3-acl',
    label: 'an unknown ACL',
    inputs: () => ({ 's3-acl': 'public-read-write' }),
    message: /"public-read-write" is not a supported ACL/,
  },
  {
    input: 's3-max-attempts',
    label: 'negative',
    inputs: () => ({ 's3-max-attempts': '-1' }),
    message: /"-1" is not a number of attempts/,
  },
  {
    input: 's3-max-attempts',
    label: 'a word',
    inputs: () => ({ 's3-max-attempts': 'three' }),
    message: /"three" is not a number of attempts/,
  },
  // The artifact.
  {
    input: 'artifact-name',
    label: 'a slash',
    inputs: () => ({ 'artifact-name': 'wheels/linux' }),
    message: /'wheels\/linux' is not a valid artifact name/,
  },
  {
    input: 'retention-days',
    label: 'negative',
    inputs: () => ({ 'retention-days': '-1' }),
    message: /'-1' is not a number of days between 1 and 90/,
  },
  {
    input: 'retention-days',
    label: 'over 90',
    inputs: () => ({ 'retention-days': '91' }),
    message: /'91' is not a number of days/,
  },
];

/** Inputs a valid run would take: the tiny package, both publishers on. */
function baseInputs(out: string): Inputs {
  return {
    'working-directory': 'ws',
    'package-dir': 'tinypkg',
    python,
    'wheel-tag': 'py3-none-any',
    version: '1.0.0',
    'output-dir': out,
    's3-bucket': BUCKET,
    's3-endpoint': proxy.endpoint,
    's3-force-path-style': 'true',
  };
}

async function objectsInBucket(): Promise<number> {
  const listing = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return listing.KeyCount ?? 0;
}

beforeAll(async () => {
  python = defaultPython3();
  root = mkdtempSync(join(tmpdir(), 'bad-input-'));
  ws = join(root, 'ws');
  mkdirSync(join(ws, 'tinypkg'), { recursive: true });
  writeFileSync(join(ws, 'tinypkg', '__init__.py'), 'VALUE = 1\n');
  mkdirSync(join(root, 'outside'));
  writeFileSync(join(root, 'outside', 'secret.txt'), 'outside the workspace\n');
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint);
  artifacts = await startArtifactService();
  admin = motoClient(moto.endpoint);
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  admin?.destroy();
  await proxy?.close();
  await artifacts?.stop();
  await moto?.stop();
});

describe('the table covers the inputs', () => {
  it('has at least 30 cases, over every input but the free-form library-path', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    const covered = new Set(CASES.map((c) => c.input));
    expect(INPUT_NAMES.filter((name) => !covered.has(name))).toEqual(['library-path']);
  });
});

describe.concurrent('bad input through the bundled action', () => {
  it.each(CASES.map((c) => [`${c.input}: ${c.label}`, c] as const))('%s', async (_, bad) => {
    const out = join(mkdtempSync(join(tmpdir(), 'bad-out-')), 'dist');
    const run = await runBundledAction(
      { ...baseInputs(out), ...bad.inputs() },
      { ...MOTO_CREDENTIALS, ...artifacts.env, GITHUB_WORKSPACE: root },
    );
    const errors = errorAnnotations(run.stdout);
    expect(errors, run.stdout).toHaveLength(1);
    // ::error title=algorithmia-wheel%3A input 'NAME'::Input 'NAME': message. Fix: what to do.
    const [, properties, text] = /^::error (.*?)::(.*)$/.exec(errors[0]!)!;
    const title = properties!.split(',').find((p) => p.startsWith('title='));
    expect(decodeURIComponent(title!)).toBe(`title=algorithmia-wheel: input '${bad.input}'`);
    const message = decodeURIComponent(text!.replace(/%0A/g, ' '));
    expect(message.startsWith(`Input '${bad.input}': `)).toBe(true);
    expect(message).toMatch(bad.message);
    expect(message).toMatch(/ Fix: \S/);
    expect(run.status).not.toBe(0);
    // A user error, not a crash: no stack trace anywhere.
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(run.stdout).not.toContain('Unexpected failure');
    expect(run.outputs).toEqual({});
    // A failed test-command (a verification) leaves its evidence in failed/, nothing else, and
    // uploads that evidence as the artifact <wheel>-failed: evidence, not the wheel.
    const names = () => artifacts.artifacts().map((a) => a.name);
    if (bad.input === 'test-command') {
      expect(readdirSync(out)).toEqual(['failed']);
      expect(names()).toContain('tinypkg-1.0.0-py3-none-any.whl-failed');
    } else expect(existsSync(out)).toBe(false);
    // Nothing was published to S3 or as an artifact, from this case or any other so far.
    expect(proxy.requests).toEqual([]);
    expect(names().filter((name) => !name.endsWith('-failed'))).toEqual([]);
  });
});

/** The runner's variables: not inputs, so the error names the variable. */
const RUNNER_CASES: {
  variable: string;
  label: string;
  env: () => Record<string, string>;
  message: RegExp;
}[] = [
  {
    variable: 'GITHUB_OUTPUT',
    label: 'a folder (checked before anything is built or published)',
    env: () => ({ GITHUB_OUTPUT: mkdtempSync(join(tmpdir(), 'output-folder-')) }),
    message: /is a folder, not a file the action can append to/,
  },
  {
    variable: 'GITHUB_OUTPUT',
    label: 'in a place nobody may write',
    env: () => ({ GITHUB_OUTPUT: '/sys/algorithmia-wheel-output' }),
    message: /\/sys\/algorithmia-wheel-output cannot be written/,
  },
  {
    variable: 'GITHUB_STEP_SUMMARY',
    label: 'a folder',
    env: () => ({ GITHUB_STEP_SUMMARY: mkdtempSync(join(tmpdir(), 'summary-folder-')) }),
    message: /is a folder, not a file the action can append to/,
  },
  {
    variable: 'RUNNER_TEMP',
    label: 'a file',
    env: () => {
      const file = join(root, 'temp-file');
      writeFileSync(file, '');
      return { RUNNER_TEMP: file };
    },
    message: /temp-file cannot be used: it exists and is not a folder/,
  },
  {
    variable: 'RUNNER_TEMP',
    label: 'in a place nobody may write',
    env: () => ({ RUNNER_TEMP: '/sys/algorithmia-wheel-temp' }),
    message: /\/sys\/algorithmia-wheel-temp cannot be used/,
  },
];

describe.concurrent("the runner's files and folders, through the bundled action", () => {
  it.each(RUNNER_CASES.map((c) => [`${c.variable}: ${c.label}`, c] as const))(
    '%s',
    async (_, bad) => {
      const out = join(mkdtempSync(join(tmpdir(), 'bad-out-')), 'dist');
      const run = await runBundledAction(baseInputs(out), {
        ...MOTO_CREDENTIALS,
        ...artifacts.env,
        GITHUB_WORKSPACE: root,
        ...bad.env(),
      });
      const errors = errorAnnotations(run.stdout);
      expect(errors, run.stdout).toHaveLength(1);
      const [, properties, text] = /^::error (.*?)::(.*)$/.exec(errors[0]!)!;
      expect(decodeURIComponent(properties!)).toBe(
        `title=algorithmia-wheel: variable ${bad.variable}`,
      );
      const message = decodeURIComponent(text!.replace(/%0A/g, ' '));
      expect(message.startsWith(`Variable ${bad.variable}: `)).toBe(true);
      expect(message).toMatch(bad.message);
      expect(message).toMatch(/ Fix: \S/);
      expect(run.status).not.toBe(0);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
      expect(existsSync(out)).toBe(false);
      expect(proxy.requests).toEqual([]);
      expect(artifacts.requests).toBe(0);
    },
  );
});

describe('after the whole table', () => {
  it('nothing was written to S3; the artifact service holds only the failed test evidence', async () => {
    expect(proxy.requests).toEqual([]);
    expect(await objectsInBucket()).toBe(0);
    expect(artifacts.artifacts().map((a) => a.name)).toEqual([
      'tinypkg-1.0.0-py3-none-any.whl-failed',
    ]);
    console.log(`bad inputs tried: ${CASES.length + RUNNER_CASES.length}`);
  });
});
