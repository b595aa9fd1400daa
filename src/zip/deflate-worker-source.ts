// Where the deflate worker's code comes from: the bundled `deflate-worker.js` beside the running
// bundle (script/bundle.mjs puts it there), or, run from the sources (tests), the TypeScript entry
// transpiled on the fly (it imports node builtins only, so it transpiles alone).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export type WorkerSource = { url: URL } | { code: string };

/** `base`: the URL of the module asking (the bundle, or src/zip/deflate-pool.ts). */
export function deflateWorkerSource(base: string): WorkerSource {
  const bundled = new URL('./deflate-worker.js', base);
  if (existsSync(fileURLToPath(bundled))) return { url: bundled };
  const source = new URL('./deflate-worker.ts', base);
  if (base.startsWith('file:') && existsSync(fileURLToPath(source))) {
    return { code: transpile(readFileSync(source, 'utf8'), base) };
  }
  throw new Error(
    `the deflate worker is missing: ${fileURLToPath(bundled)} should sit beside the bundle (npm run bundle makes it).`,
  );
}

interface Transpiler {
  transpileModule(
    source: string,
    options: { compilerOptions: { module: number; target: number } },
  ): { outputText: string };
  ModuleKind: { CommonJS: number };
  ScriptTarget: { ES2022: number };
}

function transpile(source: string, base: string): string {
  // A computed name: bundlers must not pull the compiler into a bundle, which never needs it.
  const ts = createRequire(base)(['type', 'script'].join('')) as Transpiler;
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  return `(function (exports, require) {\n${outputText}\n})({}, require);\n`;
}
