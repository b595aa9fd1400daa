/**
 * One question to the build environment's loader for all of a package's files: a single POSIX sh
 * process (one container in image mode) runs `ldd` (or the program loader's `--list` where ldd
 * is missing) on every file and, when asked, copies each library it resolved into a folder both
 * sides see, so the bundler reads, copies and patches everything on this machine.
 */
import type { Executor } from '../exec/executor.js';
import { loaderStatus, parseLdd, STANDARD_LOADERS, type LoaderView } from './ldd-output.js';

const FILE = '@@ALGORITHMIA-FILE ';
const COPY = '@@ALGORITHMIA-COPY ';
const TOOL = '@@ALGORITHMIA-TOOL ';

/**
 * $1: the copy folder ('' for none); then loader paths, '--', library name globs never copied,
 * '--', the files. Prints TOOL, then per file FILE and the loader's output, and a COPY line
 * "<copy> <resolved path>" per library copied (each resolved path once).
 */
export const LOADER_QUERY_SCRIPT = `set -f
dest=$1; shift
loaders=
while [ "$#" -gt 0 ] && [ "$1" != -- ]; do loaders="$loaders $1"; shift; done; shift
skips=
while [ "$#" -gt 0 ] && [ "$1" != -- ]; do skips="$skips $1"; shift; done; shift
tool=
if command -v ldd >/dev/null 2>&1; then tool=ldd
else for l in $loaders; do if [ -x "$l" ]; then tool=$l; break; fi; done
fi
echo "${TOOL}\${tool:-none}"
n=0; seen='|'
for f; do
  echo "${FILE}$f"
  out=
  case $tool in
    '') ;;
    ldd) out=$(ldd "$f" 2>&1) ;;
    *) out=$("$tool" --list "$f" 2>&1) ;;
  esac
  printf '%s\\n' "$out"
  [ -n "$dest" ] || continue
  paths=$(printf '%s\\n' "$out" | awk '$2 == "=>" && substr($3, 1, 1) == "/" { print $3 }')
  while IFS= read -r p; do
    [ -n "$p" ] || continue
    case $seen in *"|$p|"*) continue ;; esac
    seen="$seen$p|"
    name=\${p##*/}
    skip=
    for s in $skips; do case $name in $s) skip=1; break ;; esac; done
    [ -z "$skip" ] || continue
    n=$((n + 1)); mkdir -p "$dest/$n"
    if cp -L "$p" "$dest/$n/$name"; then echo "${COPY}$dest/$n/$name $p"; fi
  done <<EOF
$paths
EOF
done
`;

export interface LoaderAnswer {
  /** The loader's view of each file, in the order asked. */
  views: LoaderView[];
  /** Resolved library path (as the executor sees it) -> its copy in the copy folder. */
  copies: Map<string, string>;
}

/** Splits the script's output into one view per file, and the copies. Pure. */
export function parseLoaderAnswer(output: string, files: readonly string[]): LoaderAnswer {
  const copies = new Map<string, string>();
  const texts = new Map<string, string[]>();
  let tool = 'ldd';
  let current: string[] | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith(TOOL)) tool = line.slice(TOOL.length);
    else if (line.startsWith(FILE)) {
      current = [];
      texts.set(line.slice(FILE.length), current);
    } else if (line.startsWith(COPY)) {
      const rest = line.slice(COPY.length);
      const at = rest.indexOf(' ');
      copies.set(rest.slice(at + 1), rest.slice(0, at));
    } else current?.push(line);
  }
  const views = files.map((file): LoaderView => {
    const text = texts.get(file);
    if (tool === 'none' || text === undefined) {
      return {
        file,
        tool,
        status: 'unavailable',
        entries: [],
        output: tool === 'none' ? 'neither ldd nor a program loader was found' : '(no answer)',
      };
    }
    const out = text.join('\n');
    return { file, tool, status: loaderStatus(out), entries: parseLdd(out), output: out };
  });
  return { views, copies };
}

export interface LoaderQueryOptions {
  /** Added to the environment (LD_LIBRARY_PATH from `library-path`). */
  env?: Record<string, string>;
  /** Copy each resolved library here (a folder visible at the same path on both sides). */
  copyDir?: string;
  /** Library file name globs never copied (the base system, exclude-libs...). */
  skip?: readonly string[];
  /** ElfInfo.machineName, to pick the program loader where ldd is missing. */
  machineName?: string;
  interpreter?: string;
}

/** Runs LOADER_QUERY_SCRIPT once through `executor` for all `files` (absolute paths). */
export async function queryLoader(
  executor: Executor,
  files: readonly string[],
  options: LoaderQueryOptions = {},
): Promise<LoaderAnswer & { exitCode: number; stderr: string }> {
  const loaders = [
    ...(options.interpreter ? [options.interpreter] : []),
    ...(STANDARD_LOADERS[options.machineName ?? 'x86_64'] ?? []),
  ];
  const argv = [
    'sh',
    '-c',
    LOADER_QUERY_SCRIPT,
    'sh',
    options.copyDir ?? '',
    ...new Set(loaders),
    '--',
    ...(options.skip ?? []),
    '--',
    ...files,
  ];
  const result = await executor.run(argv, options.env ? { env: options.env } : {});
  return {
    ...parseLoaderAnswer(result.stdout, files),
    exitCode: result.exitCode,
    stderr: result.stderr,
  };
}
