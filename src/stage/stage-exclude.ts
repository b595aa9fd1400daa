import { relative, sep } from 'node:path';
import { RECEIPT_SUFFIX } from '../wheel/names.js';

/** The folder in `output-dir` where a wheel waits for its verification (plus the process id). */
export const PENDING_PREFIX = '.algorithmia-wheel-';

export interface OutputExclusion {
  /** Why files are left out, for the log. */
  reason: string;
  /** Whether the file at this path (relative to the walked folder, with "/") is left out. */
  excludes(rel: string): boolean;
}

/**
 * Earlier wheels must never end up in the wheel (pure): when `output-dir` lies inside the folder
 * being staged (`root`), everything below it is left out; when it is that folder itself, the
 * wheels, their verification receipts and the pending folders of earlier runs at its top are. Otherwise nothing is left out.
 */
export function outputDirExclusion(root: string, outputDir: string): OutputExclusion | undefined {
  const rel = relative(root, outputDir).split(sep).join('/');
  if (rel === '') {
    return {
      reason: `output-dir ${outputDir} is the folder being staged: its wheels (*.whl), their receipts (*.whl${RECEIPT_SUFFIX}) and ${PENDING_PREFIX}* folders are left out`,
      excludes: (path) =>
        (!path.includes('/') &&
          (path.endsWith('.whl') || path.endsWith(`.whl${RECEIPT_SUFFIX}`))) ||
        path.startsWith(PENDING_PREFIX),
    };
  }
  if (rel === '..' || rel.startsWith('../')) return undefined;
  return {
    reason: `output-dir ${outputDir} is inside ${root}: everything in it is left out`,
    excludes: (path) => path.startsWith(`${rel}/`),
  };
}
