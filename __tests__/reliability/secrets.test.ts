/**
 * Secrets: the bundled action runs with fake AWS keys, a runtime token and other tokens in its
 * environment, through a succeeding publish and failing ones (S3 refusing the keys with a message
 * that quotes the access key id, as a careless server could; the artifact service refusing a
 * name). No secret value may appear in stdout (but for the runner's `::add-mask::` commands),
 * stderr, the job summary, the outputs, or any file the run wrote or uploaded. Credentials the
 * action learns from the AWS chain itself (a shared credentials file here) must be masked with
 * core.setSecret (`::add-mask::`) before anything could print them.
 */
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputName } from '../../src/inputs/input-spec.js';
import { startArtifactService, type ArtifactService } from '../helpers/artifact-service.js';
import {
  errorAnnotations,
  parseOutputFile,
  ROOT,
  runBundledAction,
  type ActionRun,
} from '../helpers/example.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startMoto, type Moto, motoClient } from '../helpers/moto.js';
import { defaultPython3 } from '../helpers/python.js';
import { escapeHtml } from '../../src/publish/index/html.js';

const BUCKET = 'secret-test';

/** Set in the environment of every run. None of these may leak. */
const ENV_SECRETS = {
  AWS_ACCESS_KEY_ID: 'AKIAFAKEKEYMUSTNOTLEAK',
  AWS_SECRET_ACCESS_KEY: 'fake/secret+access/key-that-must-not-leak-0001',
  AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEFAKEsession/token+that-must-not-leak-0002',
  GITHUB_TOKEN: 'ghs_fakegithubtokenthatmustnotleak0003',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'fake-oidc-request-token-that-must-not-leak-0004',
};
/** Other credential-like variables: found by their names, or inside a URL or a NAME=value line. */
const NAMED_SECRETS = {
  DEPLOY_TOKEN: 'deploy-token-must-not-leak-0007',
  DB_PASSWORD: 'hunter2-db-password-0008',
  SSH_PRIVATE_KEY:
    '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAAfakeline1-0009\nfakeline2MustNotLeakEither-0010\n-----END OPENSSH PRIVATE KEY-----',
  PIP_INDEX_URL: 'https://builder:url-password-must-not-leak-0011@pypi.example.invalid/simple',
};
/** The values of NAMED_SECRETS that must never show (each line of the key, the URL's password). */
const NAMED_VALUES = [
  NAMED_SECRETS.DEPLOY_TOKEN,
  NAMED_SECRETS.DB_PASSWORD,
  'b3BlbnNzaC1rZXktdjEAAAAAfakeline1-0009',
  'fakeline2MustNotLeakEither-0010',
  'url-password-must-not-leak-0011',
];
/** Variables whose values are settings, not secrets: they must stay readable. */
const NOT_SECRETS = { USE_TOKEN: 'true', TOKEN_TTL: '3600', SECRET_SCANNING: 'disabled' };

/** Only in a shared credentials file: the action learns them from the AWS chain. */
const FILE_SECRETS = {
  aws_access_key_id: 'LEARNEDKEYIDMUSTNOTLEAK5',
  aws_secret_access_key: 'learned/secret+key-from-a-profile-file-0006',
};

let moto: Moto;
let proxy: FaultProxy;
let artifacts: ArtifactService;
let admin: S3Client;
let python: string;
let root: string;

/** Every secret a run could see: the fixed ones and the artifact service's runtime token. */
function allSecrets(): string[] {
  return [
    ...Object.values(ENV_SECRETS),
    ...Object.values(FILE_SECRETS),
    ...NAMED_VALUES,
    artifacts.env.ACTIONS_RUNTIME_TOKEN!,
  ];
}

interface Run extends ActionRun {
  /** Folders the run could write to: its workspace (working directory, outputs), temp, home. */
  folders: string[];
}

async function run(
  label: string,
  inputs: Partial<Record<InputName, string>>,
  env: Record<string, string>,
): Promise<Run> {
  const workspace = join(root, label);
  const pkg = join(workspace, 'tinypkg');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, '__init__.py'), 'VALUE = 1\n');
  const temp = join(workspace, '.runner-temp');
  const home = join(root, `${label}-home`);
  mkdirSync(home);
  const result = await runBundledAction(
    {
      'package-dir': 'tinypkg',
      python,
      'wheel-tag': 'py3-none-any',
      version: '1.0.0',
      's3-bucket': BUCKET,
      's3-endpoint': moto.endpoint,
      's3-force-path-style': 'true',
      // Private objects: the consumer check reads them as a platform with its own role.
      'verify-published': 'credentials',
      ...inputs,
    },
    {
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
      HOME: home,
      AWS_REGION: 'us-east-1',
      AWS_CONFIG_FILE: join(home, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
      ...artifacts.env,
      ...env,
    },
  );
  return { ...result, folders: [workspace, home] };
}

/** Every file under `dir` (not following links), and for wheels their uncompressed entries. */
function writtenBytes(dir: string): { path: string; bytes: Buffer }[] {
  const found: { path: string; bytes: Buffer }[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    if (!lstatSync(path).isFile()) continue;
    found.push({ path, bytes: readFileSync(path) });
    if (path.endsWith('.whl')) {
      const entries = execFileSync(python, [
        '-c',
        'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\n' +
          'sys.stdout.buffer.write(b"".join(z.read(n) for n in z.namelist()))',
        path,
      ]);
      found.push({ path: `${path} (entries)`, bytes: entries });
    }
  }
  return found;
}

/** Everything uploaded: S3 objects (bytes, key, metadata) and the artifacts' blobs and names. */
async function uploadedBytes(
  planted: ReadonlySet<string> = new Set(),
): Promise<{ path: string; bytes: Buffer }[]> {
  const found: { path: string; bytes: Buffer }[] = [];
  const listing = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  for (const object of listing.Contents ?? []) {
    // Objects the test put there itself (another publisher's) hold the secret by design.
    if (planted.has(object.Key!)) continue;
    const got = await admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: object.Key! }));
    const body = Buffer.from(await got.Body!.transformToByteArray());
    const meta = JSON.stringify({ key: object.Key, metadata: got.Metadata, type: got.ContentType });
    found.push({
      path: `s3://${BUCKET}/${object.Key}`,
      bytes: Buffer.concat([body, Buffer.from(meta)]),
    });
  }
  for (const artifact of artifacts.artifacts()) {
    found.push({ path: `artifact ${artifact.name}`, bytes: Buffer.from(JSON.stringify(artifact)) });
    if (artifact.id !== undefined) {
      found.push({
        path: `artifact ${artifact.name} blob`,
        bytes: await artifacts.readBlob(artifact.name),
      });
    }
  }
  return found;
}

/** What a leak search went through: files (or objects, streams) and bytes. */
interface Searched {
  places: number;
  bytes: number;
}

/** Where each secret shows up, in any common encoding; [] when nowhere. */
async function leaks(
  result: Run,
  extra: readonly string[] = [],
  options: { planted?: ReadonlySet<string>; searched?: Searched } = {},
): Promise<string[]> {
  const stdout = result.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  const places: { path: string; bytes: Buffer }[] = [
    { path: 'stdout', bytes: Buffer.from(stdout) },
    { path: 'stderr', bytes: Buffer.from(result.stderr) },
    { path: 'summary', bytes: Buffer.from(result.summary) },
    { path: 'outputs', bytes: Buffer.from(JSON.stringify(result.outputs)) },
    ...result.folders.flatMap(writtenBytes),
    ...(await uploadedBytes(options.planted)),
  ];
  if (options.searched) {
    options.searched.places = places.length;
    options.searched.bytes = places.reduce((sum, place) => sum + place.bytes.length, 0);
  }
  const found: string[] = [];
  for (const secret of [...allSecrets(), ...extra]) {
    const forms = new Set([
      secret,
      encodeURIComponent(secret),
      JSON.stringify(secret).slice(1, -1),
      escapeHtml(secret),
    ]);
    for (const place of places) {
      if ([...forms].some((form) => place.bytes.includes(form))) {
        found.push(`${secret.slice(0, 8)}... in ${place.path}`);
      }
    }
  }
  return found;
}

function masked(result: ActionRun): string[] {
  return result.stdout
    .split('\n')
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length));
}

/** S3 answers every request of the prefix 403, quoting the access key id in its message. */
function refuseKeysUnder(prefix: string): () => void {
  return proxy.add({
    keyPrefix: prefix,
    fault: {
      kind: 'error',
      status: 403,
      code: 'InvalidAccessKeyId',
      message: 'The AWS Access Key Id you provided ({accessKeyId}) does not exist in our records.',
    },
  });
}

beforeAll(async () => {
  python = defaultPython3();
  root = mkdtempSync(join(tmpdir(), 'secrets-'));
  moto = await startMoto();
  proxy = await startFaultProxy(moto.endpoint);
  artifacts = await startArtifactService();
  admin = motoClient(moto.endpoint, { accessKeyId: 'admin', secretAccessKey: 'admin' });
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  admin?.destroy();
  await proxy?.close();
  await artifacts?.stop();
  await moto?.stop();
});

/**
 * A command that prints every secret of its environment: plainly, inside other text, on stdout
 * and stderr, and cut in two by a pause (so the halves arrive in different chunks).
 */
const PRINT_SECRETS = [
  'for v in "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN" "$GITHUB_TOKEN" \\',
  '  "$ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_RUNTIME_TOKEN" "$DEPLOY_TOKEN" "$DB_PASSWORD" \\',
  '  "$PIP_INDEX_URL"; do',
  '  echo "$v"; echo "key=[$v]." >&2',
  '  half=$(( ${#v} / 2 )); printf "split:%s" "$(printf %s "$v" | cut -c1-$half)"; sleep 0.05',
  '  printf "%s:end\\n" "$(printf %s "$v" | cut -c$((half + 1))-)"',
  'done',
  'printf "%s\\n" "$SSH_PRIVATE_KEY"; printf "%s\\n" "$SSH_PRIVATE_KEY" >&2',
  'echo "settings: $USE_TOKEN $TOKEN_TTL $SECRET_SCANNING"',
].join('\n');

describe("secrets printed by the user's commands", () => {
  const env = () => ({ ...ENV_SECRETS, ...NAMED_SECRETS, ...NOT_SECRETS });

  it('build and test commands that print them, on success: masked, never shown', async () => {
    const script = join(root, 'print-secrets.sh');
    writeFileSync(script, PRINT_SECRETS);
    const result = await run(
      'commands-ok',
      {
        's3-prefix': 'commands-ok',
        'build-command': `sh ${script}`,
        'test-command': `sh ${script}`,
        'artifact-name': 'false',
      },
      env(),
    );
    expect(errorAnnotations(result.stdout)).toEqual([]);
    expect(result.status).toBe(0);
    // The commands ran and their output went through: redacted, not dropped.
    expect(result.stderr).toContain('key=[***].');
    expect(result.stderr).toContain('split:***:end');
    expect(result.stderr).toContain('settings: true 3600 disabled');
    expect(masked(result)).toEqual(expect.arrayContaining([...NAMED_VALUES]));
    expect(masked(result)).not.toEqual(expect.arrayContaining(['true']));
    expect(await leaks(result)).toEqual([]);
  });

  it('a failing build whose stderr tail (quoting them) goes into the error and the summary', async () => {
    const script = join(root, 'print-secrets-fail.sh');
    writeFileSync(script, `${PRINT_SECRETS}\nexit 3\n`);
    const result = await run(
      'build-fails',
      { 's3-prefix': 'build-fails', 'build-command': `sh ${script}`, 'artifact-name': 'false' },
      env(),
    );
    const errors = errorAnnotations(result.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('the build command exited with code 3');
    expect(decodeURIComponent(errors[0]!)).toContain('key=[***].');
    expect(result.summary).toContain('key=[***].');
    expect(result.status).not.toBe(0);
    expect(await leaks(result)).toEqual([]);
  });

  it('a failing test command: its output in the error details, nothing shown', async () => {
    const script = join(root, 'print-secrets-test-fail.sh');
    writeFileSync(script, `${PRINT_SECRETS}\nexit 4\n`);
    const result = await run(
      'test-fails',
      { 's3-prefix': 'test-fails', 'test-command': `sh ${script}`, 'artifact-name': 'false' },
      env(),
    );
    const errors = errorAnnotations(result.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('test-command failed with exit code 4');
    expect(result.summary).toContain('***');
    expect(result.status).not.toBe(0);
    expect(await leaks(result)).toEqual([]);
  });

  it('a failing publish after commands that printed them: one clear error, nothing shown', async () => {
    const script = join(root, 'print-secrets-publish.sh');
    writeFileSync(script, PRINT_SECRETS);
    const stop = refuseKeysUnder('commands-refused/');
    try {
      const result = await run(
        'commands-refused',
        {
          's3-prefix': 'commands-refused',
          's3-endpoint': proxy.endpoint,
          's3-index': 'true',
          'build-command': `sh ${script}`,
          'artifact-name': 'false',
        },
        env(),
      );
      const errors = errorAnnotations(result.stdout);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('S3 rejected the AWS credentials (InvalidAccessKeyId)');
      expect(result.status).not.toBe(0);
      expect(await leaks(result)).toEqual([]);
    } finally {
      stop();
    }
  });
});

describe('secrets quoted in the inputs, in what the run writes and publishes', () => {
  // JSON, HTML and Markdown each escape one of its characters: every written form must be masked.
  const TOKEN = 'api-token<&"value"|must-not-leak-0012';

  it('a test-command that holds a token: receipt file, S3 receipt, artifact and summary masked', async () => {
    const result = await run(
      'receipt-token',
      {
        's3-prefix': 'receipt-token',
        's3-index': 'true',
        'artifact-name': 'receipt-token',
        'test-command': `test "$MY_API_TOKEN" = '${TOKEN}'`,
      },
      { ...ENV_SECRETS, MY_API_TOKEN: TOKEN },
    );
    expect(errorAnnotations(result.stdout)).toEqual([]);
    expect(result.status).toBe(0);
    // The test ran with the value (it compares it) and the receipt says so, value masked.
    const name = result.outputs['wheel-name']!;
    const receiptPath = join(root, 'receipt-token', 'dist', `${name}.verification.json`);
    const written = readFileSync(receiptPath);
    const receipt = JSON.parse(written.toString('utf8')) as {
      verification: { testCommand: { command: string; result: string } };
    };
    expect(receipt.verification.testCommand).toEqual({
      command: `test "$MY_API_TOKEN" = '***'`,
      result: 'passed',
    });
    // The digest the log and the summary show is the digest of the bytes written and published.
    const digest = createHash('sha256').update(written).digest('hex');
    expect(result.summary).toContain(`sha256 \`${digest}\``);
    const published = await admin.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: `receipt-token/${name}.verification.json` }),
    );
    expect(Buffer.from(await published.Body!.transformToByteArray()).equals(written)).toBe(true);
    expect(await leaks(result, [TOKEN])).toEqual([]);
  });

  it('a .env text with CRLF lines in a variable: its token masked in the log and the receipt', async () => {
    // `TOKEN=value\r`: a .env file saved on Windows, or a secret pasted with CRLF.
    const CRLF_TOKEN = 'crlf-dotenv-token-must-not-leak-0013';
    const line = `API_TOKEN=${CRLF_TOKEN}`;
    const result = await run(
      'crlf-dotenv',
      {
        's3-prefix': 'crlf-dotenv',
        'artifact-name': 'false',
        'build-command': `printf '%s\\n' "$APP_DOTENV" | tr -d '\\r' | sed -n 's/^API_TOKEN=/token: /p' >&2`,
        'test-command': `test "$(printf %s "$APP_DOTENV" | head -n 1 | tr -d '\\r')" = '${line}'`,
      },
      { ...ENV_SECRETS, APP_DOTENV: `${line}\r\nREGION=eu-west-1\r\n` },
    );
    expect(errorAnnotations(result.stdout)).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('token: ***');
    const name = result.outputs['wheel-name']!;
    const receipt = JSON.parse(
      readFileSync(join(root, 'crlf-dotenv', 'dist', `${name}.verification.json`), 'utf8'),
    ) as { verification: { testCommand: { command: string; result: string } } };
    expect(receipt.verification.testCommand).toEqual({
      command: `test "$(printf %s "$APP_DOTENV" | head -n 1 | tr -d '\\r')" = 'API_TOKEN=***'`,
      result: 'passed',
    });
    expect(masked(result)).toContain(CRLF_TOKEN);
    expect(await leaks(result, [CRLF_TOKEN])).toEqual([]);
  });
});

describe('secrets never leave the process', () => {
  it('a succeeding publish (S3 and artifact) prints none and masks the AWS keys', async () => {
    const result = await run('ok', { 's3-prefix': 'ok' }, ENV_SECRETS);
    expect(errorAnnotations(result.stdout)).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.outputs['s3-uri']).toBe(`s3://${BUCKET}/ok/${result.outputs['wheel-name']}`);
    expect(result.outputs['artifact-id']).toMatch(/^\d+$/);
    expect(masked(result)).toEqual(
      expect.arrayContaining([
        ENV_SECRETS.AWS_ACCESS_KEY_ID,
        ENV_SECRETS.AWS_SECRET_ACCESS_KEY,
        ENV_SECRETS.AWS_SESSION_TOKEN,
        artifacts.env.ACTIONS_RUNTIME_TOKEN,
      ]),
    );
    expect(await leaks(result)).toEqual([]);
  });

  it('S3 refusing the keys with a message that quotes them: one clear error, nothing leaked', async () => {
    const stop = refuseKeysUnder('refused/');
    try {
      const result = await run(
        'refused',
        { 's3-prefix': 'refused', 's3-endpoint': proxy.endpoint, 'artifact-name': 'false' },
        ENV_SECRETS,
      );
      const errors = errorAnnotations(result.stdout);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('S3 rejected the AWS credentials (InvalidAccessKeyId)');
      // The quoted key is redacted, not dropped silently: the message still reads.
      expect(errors[0]).toContain('The AWS Access Key Id you provided (***)');
      expect(result.status).not.toBe(0);
      expect(await leaks(result)).toEqual([]);
    } finally {
      stop();
    }
  });

  it('the artifact service refusing the name: one clear error, the token not printed', async () => {
    // A custom name is zipped (not the wheel itself): a second upload under it is refused.
    const inputs = { 's3-prefix': 'ok', 'artifact-name': 'secrets-conflict' };
    expect((await run('conflict-first', inputs, ENV_SECRETS)).status).toBe(0);
    const result = await run('conflict', inputs, ENV_SECRETS);
    const errors = errorAnnotations(result.stdout);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("input 'artifact-name'");
    expect(errors[0]).toContain('already exists in this workflow run');
    expect(result.status).not.toBe(0);
    expect(await leaks(result)).toEqual([]);
  });

  it('keys learned from a credentials file are masked before S3 is asked, and never printed', async () => {
    const home = join(root, 'learned-files');
    mkdirSync(home);
    const credentials = join(home, 'credentials');
    writeFileSync(
      credentials,
      `[default]\naws_access_key_id = ${FILE_SECRETS.aws_access_key_id}\n` +
        `aws_secret_access_key = ${FILE_SECRETS.aws_secret_access_key}\n`,
    );
    const stop = refuseKeysUnder('learned/');
    try {
      const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, ...others } =
        ENV_SECRETS;
      void [AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN];
      const result = await run(
        'learned',
        { 's3-prefix': 'learned', 's3-endpoint': proxy.endpoint, 'artifact-name': 'false' },
        { ...others, AWS_SHARED_CREDENTIALS_FILE: credentials },
      );
      const errors = errorAnnotations(result.stdout);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain('S3 rejected the AWS credentials (InvalidAccessKeyId)');
      // The file's keys were the ones used, and the runner was told to mask both.
      expect(proxy.requests.some((r) => r.key.startsWith('learned/'))).toBe(true);
      expect(masked(result)).toEqual(
        expect.arrayContaining([
          FILE_SECRETS.aws_access_key_id,
          FILE_SECRETS.aws_secret_access_key,
        ]),
      );
      const firstMask = result.stdout.indexOf(`::add-mask::${FILE_SECRETS.aws_access_key_id}`);
      expect(firstMask).toBeLessThan(result.stdout.indexOf('::error'));
      expect(await leaks(result)).toEqual([]);
    } finally {
      stop();
    }
  });
});

describe('secrets in the fields we generate into METADATA', () => {
  const TOKEN = 'metadata-api-token-must-not-leak-0013';
  const URL_PASSWORD = 'url-password-must-not-leak-0011';
  const cases: [InputName, (workspace: string) => string, string][] = [
    ['summary', () => `Built with ${TOKEN}`, TOKEN],
    ['author', () => `Jane Doe (${NAMED_SECRETS.DB_PASSWORD})`, NAMED_SECRETS.DB_PASSWORD],
    ['home-page', () => `https://builder:${URL_PASSWORD}@example.invalid/tinypkg`, URL_PASSWORD],
    [
      'requires',
      () => `other @ https://builder:${URL_PASSWORD}@example.invalid/o.whl`,
      URL_PASSWORD,
    ],
    [
      'readme',
      (workspace) => {
        writeFileSync(join(workspace, 'README.md'), `# tinypkg\n\nDeploy key: ${TOKEN}\n`);
        return 'README.md';
      },
      TOKEN,
    ],
  ];

  it.each(cases)(
    'a secret in `%s` is refused before packing, naming the input; nothing is written or published',
    async (input, value, secret) => {
      const label = `metadata-${input}`;
      mkdirSync(join(root, label), { recursive: true });
      const result = await run(
        label,
        {
          's3-prefix': label,
          's3-index': 'true',
          'artifact-name': 'false',
          [input]: value(join(root, label)),
        },
        { ...ENV_SECRETS, ...NAMED_SECRETS, MY_API_TOKEN: TOKEN },
      );
      const errors = errorAnnotations(result.stdout);
      expect(errors).toHaveLength(1);
      console.log(`the user sees: ${decodeURIComponent(errors[0]!)}`);
      expect(errors[0]).toContain(
        `title=algorithmia-wheel%3A input '${input}'::Input '${input}': `,
      );
      expect(errors[0]).toContain('holds a secret');
      expect(errors[0]).toContain("wheel's METADATA");
      expect(result.status).not.toBe(0);
      const listing = await admin.send(
        new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `${label}/` }),
      );
      expect(listing.Contents ?? []).toEqual([]);
      expect(existsSync(join(root, label, 'dist'))).toBe(false);
      // The user's own readme holds it (theirs, not written by the run): out of the search.
      rmSync(join(root, label, 'README.md'), { force: true });
      expect(await leaks(result, [secret])).toEqual([]);
    },
  );
});

describe('every written and published byte of a full run', () => {
  const TOKEN = 'full-run-api-token-must-not-leak-0014';
  const OTHER = 'otherpkg-2.0-py3-none-any.whl';

  it('holds none of the planted secrets: output-dir, bucket (pages, sidecars), artifact, summary, outputs, log', async () => {
    const prefix = 'full-run';
    // Another publisher's wheel under the prefix, whose metadata and yank reason quote secrets:
    // the flat index page we rewrite quotes both (data-requires-python, data-yanked).
    const planted = new Set([
      `${prefix}/${OTHER}`,
      `${prefix}/${OTHER}.metadata`,
      `${prefix}/${OTHER}.yanked`,
    ]);
    await admin.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${OTHER}`, Body: 'another wheel' }),
    );
    await admin.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `${prefix}/${OTHER}.metadata`,
        Body: `Metadata-Version: 2.1\nName: otherpkg\nVersion: 2.0\nRequires-Python: >=3.6, !=${TOKEN}\n\n`,
      }),
    );
    await admin.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: `${prefix}/${OTHER}.yanked`,
        Body: `withdrawn, see ${NAMED_SECRETS.PIP_INDEX_URL}`,
      }),
    );
    const script = join(root, 'print-secrets-full.sh');
    writeFileSync(script, PRINT_SECRETS);
    const workspace = join(root, prefix);
    mkdirSync(workspace, { recursive: true });
    // The runner's files in the workspace: searched raw, as the runner reads them.
    const outputFile = join(workspace, 'github-output');
    const summaryFile = join(workspace, 'step-summary');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const result = await run(
      prefix,
      {
        's3-prefix': prefix,
        's3-index': 'true',
        's3-acl': 'public-read',
        'verify-published': 'true',
        'artifact-name': 'full-run',
        'build-command': `sh ${script}`,
        'test-command': `sh ${script} && test "$MY_API_TOKEN" = '${TOKEN}'`,
      },
      {
        ...ENV_SECRETS,
        ...NAMED_SECRETS,
        ...NOT_SECRETS,
        MY_API_TOKEN: TOKEN,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
      },
    );
    expect(errorAnnotations(result.stdout)).toEqual([]);
    expect(result.status).toBe(0);
    const outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
    expect(outputs['s3-uri']).toBe(`s3://${BUCKET}/${prefix}/${outputs['wheel-name']}`);
    expect(outputs['artifact-id']).toMatch(/^\d+$/);
    // The flat page lists the other wheel with its facts, the secrets in them masked.
    const flat = await admin.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: `${prefix}/index.html` }),
    );
    const page = Buffer.from(await flat.Body!.transformToByteArray()).toString('utf8');
    expect(page).toContain(`${OTHER}</a>`);
    expect(page).toContain('data-requires-python="&gt;=3.6, !=***"');
    expect(page).toContain(
      'data-yanked="withdrawn, see https://builder:***@pypi.example.invalid/simple"',
    );
    const searched: Searched = { places: 0, bytes: 0 };
    expect(
      await leaks({ ...result, summary: readFileSync(summaryFile, 'utf8'), outputs }, [TOKEN], {
        planted,
        searched,
      }),
    ).toEqual([]);
    const secrets = allSecrets().length + 1;
    console.log(
      `full run: ${secrets} secrets searched for in ${searched.places} files, objects and streams ` +
        `(${searched.bytes} bytes): none found`,
    );
    // The search reached every place: the log, the wheel, the receipt, pages, sidecars, artifact.
    expect(searched.places).toBeGreaterThan(10);
  });
});

describe("the command's yank", () => {
  it('a reason quoting a secret: the .yanked sidecar and the pages hold it masked', async () => {
    const prefix = 'yank-reason';
    const wheel = 'tinypkg-3.0.0-py3-none-any.whl';
    await admin.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${wheel}`, Body: 'a wheel' }),
    );
    const cli = execFileSync(
      process.execPath,
      [
        join(ROOT, 'dist', 'cli', 'index.js'),
        'yank',
        '--s3-bucket',
        BUCKET,
        '--s3-prefix',
        `${prefix}/`,
        '--s3-endpoint',
        moto.endpoint,
        '--s3-force-path-style',
        'true',
        '--reason',
        `broken, ask with ${NAMED_SECRETS.DEPLOY_TOKEN}`,
        'tinypkg==3.0.0',
      ],
      {
        env: { ...process.env, ...ENV_SECRETS, ...NAMED_SECRETS, AWS_REGION: 'us-east-1' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(cli).not.toContain(NAMED_SECRETS.DEPLOY_TOKEN);
    const yanked = await admin.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: `${prefix}/${wheel}.yanked` }),
    );
    expect(await yanked.Body!.transformToString()).toBe('broken, ask with ***');
    const found: string[] = [];
    for (const { path, bytes } of await uploadedBytes()) {
      if (
        path.startsWith(`s3://${BUCKET}/${prefix}/`) &&
        bytes.includes(NAMED_SECRETS.DEPLOY_TOKEN)
      ) {
        found.push(path);
      }
    }
    expect(found).toEqual([]);
    const page = await admin.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: `${prefix}/simple/tinypkg/index.html` }),
    );
    expect(await page.Body!.transformToString()).toContain('data-yanked="broken, ask with ***"');
  });
});
