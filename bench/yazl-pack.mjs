// The kept-library reference for `npm run bench`: the same tree zipped by yazl (a small, widely used
// streaming zip writer) at a given deflate level, one file after another, as a wheel-less zip. It
// answers whether our own zip writer (src/zip/) earns its place.
//   node bench/yazl-pack.mjs TREE_DIR PACKAGE OUT.zip LEVEL   -> {"size": N} on stdout
import { createWriteStream, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';

const [tree, pkg, out, level] = process.argv.slice(2);
const zip = new yazl.ZipFile();
const mtime = new Date('2020-01-01T00:00:00Z');
const walk = (rel) => {
  for (const name of readdirSync(join(tree, rel)).sort()) {
    const path = join(rel, name);
    const full = join(tree, path);
    if (statSync(full).isDirectory()) walk(path);
    else zip.addFile(full, path, { mtime, compress: true, compressionLevel: Number(level) });
  }
};
walk(pkg);
zip.end();
await new Promise((resolve, reject) => {
  const sink = createWriteStream(out);
  sink.on('close', resolve);
  sink.on('error', reject);
  zip.outputStream.pipe(sink);
});
console.log(JSON.stringify({ size: statSync(out).size }));
