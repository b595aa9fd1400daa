/**
 * Every output the action sets, with the description action.yml gives it (a test keeps the two
 * in step, like input-spec.ts for the inputs). Code that sets an output names it through
 * `Outputs`, so a misspelt or undeclared output does not compile.
 */
export interface OutputSpec {
  /** The description action.yml carries (and the README's outputs table shows). */
  description: string;
}

const specs = {
  wheel: { description: 'Path of the verified wheel.' },
  'wheel-name': { description: 'File name of the wheel (PEP 427).' },
  sha256: { description: 'SHA-256 of the wheel, hex.' },
  size: { description: 'Size of the wheel in bytes.' },
  'python-version': {
    description: 'Version of the interpreter the wheel was built and verified with.',
  },
  tags: { description: "The wheel's tag, e.g. `cp27-cp27mu-linux_x86_64`." },
  version: { description: 'The normalized version.' },
  's3-uri': { description: '`s3://bucket/key` of the published wheel.' },
  's3-url': {
    description: 'URL of the published wheel (virtual-hosted or path-style, or on `s3-endpoint`).',
  },
  requirement: {
    description:
      "The line to paste into the algorithm's dependencies file: the wheel's URL with `#sha256=`, so pip installs this exact wheel or nothing (the line the consumer check proves).",
  },
  'index-url': { description: 'With `s3-index`: the `simple/` index URL.' },
  'index-requirement': {
    description:
      'With `s3-index`: the two dependencies-file lines (`--extra-index-url <url>` and `name==version`); they do not pin the file (see docs/publishing.md), prefer `requirement`.',
  },
  receipt: {
    description:
      'Path of the verification receipt (`<wheel>.verification.json` next to the wheel): what was proven about the wheel, deterministic for the same inputs. Also uploaded next to the wheel in S3 and as a workflow artifact.',
  },
  'verify-published': {
    description:
      "With `s3-bucket`: the consumer check's result, `passed` (the published wheel installed and imported as the platform will) or `skipped` (`verify-published: false`).",
  },
  'artifact-id': { description: 'ID of the uploaded workflow artifact.' },
  'artifact-url': { description: 'URL of the uploaded workflow artifact.' },
  'artifact-name': { description: 'Name of the uploaded workflow artifact.' },
  'artifact-digest': {
    description:
      'SHA-256 of the uploaded workflow artifact, hex, as the artifact service recorded it.',
  },
} as const satisfies Record<string, OutputSpec>;

export type OutputName = keyof typeof specs;
export const OUTPUT_SPECS: Readonly<Record<OutputName, OutputSpec>> = specs;
export const OUTPUT_NAMES = Object.keys(specs) as OutputName[];

/** The outputs a run (or one of its steps) sets: declared names only, each at most once. */
export type Outputs = Partial<Record<OutputName, string>>;
