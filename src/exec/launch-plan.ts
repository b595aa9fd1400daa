/**
 * Which runs of the local command need the working process the launcher starts (src/exec/launch.ts)
 * and which the launcher answers itself. The V8 flags of that process (NODE_FLAGS) matter only
 * where the packer runs, in `build`; --help, --tool-version, a usage error and `yank` answer in
 * the launcher's own process, one node start fewer (about 50 ms).
 */

/**
 * True when `args` may run the packer: any argument spelled `build` (the command, or a value that
 * happens to be the word: then the relaunch costs a node start, nothing else).
 */
export function needsWorkingProcess(args: readonly string[]): boolean {
  return args.includes('build');
}
