// The import graph of a source tree, read with the TypeScript compiler's own pre-processor (static,
// type-only, re-export and dynamic imports alike), and a cycle finder over any such graph.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Module (path relative to the root, e.g. `wheel/tags.ts`) -> the modules it imports. */
export type ImportGraph = Map<string, string[]>;

/** Every relative import of every .ts file under `root`, resolved to files under `root`. */
export function importGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .sort();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = info.importedFiles
      .map((ref) => ref.fileName)
      .filter((name) => name.startsWith('.') && !name.endsWith('.json'))
      .map((name) => relative(root, resolve(root, dirname(file), name)).replace(/\.js$/, '.ts'));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** One cycle of the graph as a path that starts and ends at the same module, or undefined. */
export function findCycle(graph: ImportGraph): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...graph.keys()].sort()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return undefined;
}
