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
  'package-dir': {
    default: '',
    help: 'folder holding the finished package (named like the import)',
  },
  stage: {
    default: '',
    multiline: true,
    help: '"SOURCE_GLOB => DEST_DIR" lines copying build products into the wheel',
  },
  name: { default: '', help: 'distribution name (default: the package folder name)' },
  version: { default: '', help: 'PEP 440 version (default on a tag push: the tag without "v")' },
  python: { default: 'auto', help: 'interpreter path, version (2.7, 3.6, 3) or auto' },
  'wheel-tag': { default: '', help: 'override the tag, e.g. py2-none-any (default: from python)' },
  requires: { default: '', multiline: true, help: 'Requires-Dist lines, one requirement per line' },
  summary: { default: '', help: 'one-line summary for METADATA' },
  author: { default: '', help: 'author for METADATA' },
  license: { default: '', help: 'license for METADATA' },
  'home-page': { default: '', help: 'home page URL for METADATA' },
  import: {
    default: '',
    multiline: true,
    help: 'modules to import when verifying (default: the package)',
  },
  'test-command': { default: '', help: 'shell command run against the installed wheel' },
  'output-dir': { default: 'dist', help: 'folder the verified wheel is written to' },
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof specs;
export const INPUT_SPECS: Readonly<Record<InputName, InputSpec>> = specs;
export const INPUT_NAMES = Object.keys(specs) as InputName[];

/** Reads one raw input by name ('' when unset); main.ts and cli.ts each provide one. */
export type InputSource = (name: InputName) => string;
