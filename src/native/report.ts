/** Human-readable descriptions of a package's ELF files, for the log and the job summary. */
import { relative } from 'node:path';
import type { MachineMismatch } from '../elf/platform.js';
import type { ElfFile } from './scan.js';

function rel(root: string, path: string): string {
  const r = relative(root, path);
  return r === '' || r.startsWith('..') ? path : r;
}

/** One log line: "pkg/_x.so: x86_64 64-bit shared; SONAME ...; NEEDED a, b; RUNPATH $ORIGIN". */
export function describeElfFile(file: ElfFile, root: string): string {
  const { info } = file;
  const parts = [`${rel(root, file.path)}: ${info.machineName} ${info.class}-bit ${info.type}`];
  if (!info.dynamic) parts.push(info.type === 'rel' ? 'object file' : 'statically linked');
  if (info.soname) parts.push(`SONAME ${info.soname}`);
  if (info.needed.length) parts.push(`NEEDED ${info.needed.join(', ')}`);
  if (info.rpath.length) parts.push(`RPATH ${info.rpath.join(':')}`);
  if (info.runpath.length) parts.push(`RUNPATH ${info.runpath.join(':')}`);
  return parts.join('; ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ') || '-';
}

/** A Markdown section for the job summary: one table row per ELF file, then any mismatches. */
export function formatElfReport(
  files: readonly ElfFile[],
  options: { root: string; mismatches?: readonly MachineMismatch[] },
): string {
  if (files.length === 0) return '### Native libraries\n\nNo ELF files in the package.\n';
  const lines = [
    '### Native libraries',
    '',
    '| File | Machine | SONAME | Needs | RPATH / RUNPATH |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const { path, info } of files) {
    const paths = [
      ...info.rpath.map((p) => `RPATH ${p}`),
      ...info.runpath.map((p) => `RUNPATH ${p}`),
    ];
    lines.push(
      `| ${cell(rel(options.root, path))} | ${cell(`${info.machineName} ${info.class}-bit`)} | ${cell(info.soname ?? '')} | ${cell(info.needed.join(', '))} | ${cell(paths.join(', '))} |`,
    );
  }
  const mismatches = options.mismatches ?? [];
  if (mismatches.length) {
    lines.push('');
    for (const m of mismatches) lines.push(`- **${m.severity}**: ${m.message}`);
  }
  return `${lines.join('\n')}\n`;
}
