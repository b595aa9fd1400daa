// The one grammar of wheel file names (PEP 427): the index pages and the project-dir route read
// names with it.
import { normalizeProjectName } from './names.js';

/** A wheel as parsed from its file name (PEP 427). */
export interface WheelName {
  fileName: string;
  /** As written in the file name (escaped: `my_lib`). */
  distribution: string;
  /** PEP 503 normalized name (`my-lib`): the project page's name. */
  project: string;
  version: string;
  build?: string;
  /** `cp311-cp311-linux_x86_64`, as in the file name (may be a compressed set). */
  tag: string;
  /** The compressed tag set expanded: `py2.py3-none-any` gives two tags. */
  tags: string[];
}

const DISTRIBUTION = /^[A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?$/;
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+!]*$/;
const BUILD = /^[0-9][A-Za-z0-9._]*$/;
const TAG_PART = /^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$/;

/**
 * Parses `{distribution}-{version}(-{build})?-{python}-{abi}-{platform}.whl`; anything else
 * (another file, a folder marker, a malformed name) gives undefined, so foreign objects under
 * the prefix are ignored rather than breaking the pages.
 */
export function parseWheelFileName(fileName: string): WheelName | undefined {
  if (!fileName.endsWith('.whl') || fileName.includes('/')) return undefined;
  const parts = fileName.slice(0, -'.whl'.length).split('-');
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [distribution, version] = parts as [string, string];
  const build = parts.length === 6 ? parts[2] : undefined;
  const [python, abi, platform] = parts.slice(-3) as [string, string, string];
  if (!DISTRIBUTION.test(distribution) || !VERSION.test(version)) return undefined;
  if (build !== undefined && !BUILD.test(build)) return undefined;
  if (![python, abi, platform].every((part) => TAG_PART.test(part))) return undefined;
  const tags: string[] = [];
  for (const p of python.split('.')) {
    for (const a of abi.split('.')) {
      for (const f of platform.split('.')) tags.push(`${p}-${a}-${f}`);
    }
  }
  return {
    fileName,
    distribution,
    project: normalizeProjectName(distribution),
    version,
    ...(build !== undefined ? { build } : {}),
    tag: `${python}-${abi}-${platform}`,
    tags,
  };
}
