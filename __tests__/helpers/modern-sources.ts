/**
 * The sources of modernpkg (helpers/native-fixtures.ts) with a build.sh instead of a host build,
 * so the build command can compile it where the runtime is: inside an image, with that image's
 * g++, glibc and python. Same C++ library, same extension, same package layout.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODERN_FLAGS, MODERN_LIBRARY_SOURCE } from '../elf/modern-lib.js';
import { extensionSource } from './native-fixtures.js';

/**
 * A project folder: modern.cpp, _modern.c and build.sh (`sh build.sh PYTHON` builds
 * modernpkg/libmodern.so and modernpkg/_modern<that python's suffix>, linked through $ORIGIN).
 * `-pthread` so that on glibc < 2.34 pthread_create binds to libpthread, as any real build does.
 */
export function writeModernProject(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'modern-src-')), 'modern');
  const quote = (words: string[]): string => words.map((w) => `'${w}'`).join(' ');
  mkdirSync(dir);
  writeFileSync(join(dir, 'modern.cpp'), MODERN_LIBRARY_SOURCE);
  writeFileSync(
    join(dir, '_modern.c'),
    extensionSource('_modern', 'int modern_answer(int);', 'modern_answer(1)'),
  );
  writeFileSync(
    join(dir, 'build.sh'),
    `#!/bin/sh
set -eu
PY="$1"
cd "$(dirname "$0")"
INCLUDE=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
SUFFIX=$("$PY" -c 'import sysconfig; g = sysconfig.get_config_var; print(g("EXT_SUFFIX") or g("SO"))')
mkdir -p modernpkg
g++ modern.cpp -o modernpkg/libmodern.so ${quote(MODERN_FLAGS)} -pthread -Wl,-soname,libmodern.so
gcc -shared -fPIC -I"$INCLUDE" _modern.c -o "modernpkg/_modern$SUFFIX" -Lmodernpkg -lmodern '-Wl,-rpath,$ORIGIN'
printf 'from ._modern import answer\\n' > modernpkg/__init__.py
echo "built modernpkg/_modern$SUFFIX with $(g++ -dumpversion) on $(ldd --version | head -n 1)"
`,
  );
  return dir;
}
