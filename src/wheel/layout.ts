import { InputError } from '../base/errors.js';

/** The folders of `<name>-<version>.data/` an installer knows (the wheel spec's scheme keys). */
export const DATA_SCHEMES: readonly string[] = ['data', 'headers', 'platlib', 'purelib', 'scripts'];

/**
 * Refuses a staged wheel path that an installer would not treat as package contents: anything in
 * a top-level `*.dist-info/` folder (the packer writes METADATA, WHEEL and RECORD; a staged copy
 * would be a second metadata folder or replace ours), and anything in a top-level `*.data/`
 * folder outside its scheme folders (pip refuses the wheel).
 */
export function checkPayloadPath(path: string, input: string): void {
  const segments = path.split('/');
  if (segments.length < 2) return;
  const top = segments[0]!;
  if (top.endsWith('.dist-info')) {
    throw new InputError(
      `"${path}" is staged into ${top}/, a metadata folder: only the packer writes one.`,
      {
        input,
        fix: 'stage files into the package folder; the wheel metadata comes from `name`, `version`, `summary`, `requires` and the other inputs.',
      },
    );
  }
  if (top.endsWith('.data') && (segments.length < 3 || !DATA_SCHEMES.includes(segments[1]!))) {
    throw new InputError(
      `"${path}" is staged into ${top}/ but not into one of its scheme folders (${DATA_SCHEMES.join(', ')}).`,
      {
        input,
        fix: `stage it into ${top}/<scheme>/..., e.g. \`build/tool => ${top}/scripts\`, or into the package folder.`,
      },
    );
  }
}

/**
 * Refuses a top-level `*.data/` folder not named like the wheel's own (`<name>-<version>.data`,
 * beside its `.dist-info`): installers ignore or misplace it.
 */
export function checkDataFolder(paths: readonly string[], distInfo: string): void {
  const expected = `${distInfo.slice(0, -'.dist-info'.length)}.data`;
  for (const path of paths) {
    const top = path.split('/')[0]!;
    if (path.includes('/') && top.endsWith('.data') && top !== expected) {
      throw new InputError(
        `"${path}" is staged into ${top}/, but this wheel's data folder is ${expected}/.`,
        {
          input: 'stage',
          fix: `stage it into ${expected}/<scheme>/... (the name and version as the wheel writes them).`,
        },
      );
    }
  }
}
