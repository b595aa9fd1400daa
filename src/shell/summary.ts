import { escapeHtml } from '../publish/index/html.js';
import { formatBytes } from '../log/log.js';
import type { Outputs } from '../inputs/output-spec.js';
import type { VerifiedWheel } from '../pipeline/verified-wheel.js';
import { indexSummaryMarkdown } from '../publish/index/index-pages.js';
import { receiptSummaryMarkdown } from '../publish/receipt.js';
import { describeProbe } from '../python/probe.js';

/** The job summary in Markdown/HTML (pure): what was built, verified and published. */
export function summaryMarkdown(wheel: VerifiedWheel, outputs: Outputs): string {
  const rows: [string, string][] = [
    ['Wheel', `\`${wheel.fileName}\``],
    ['Version', wheel.version],
    ['Tags', `\`${wheel.tag}\``],
    ['Python', cellText(describeProbe(wheel.probe))],
    ['Size', `${formatBytes(wheel.size)} (${wheel.size} bytes)`],
    ['SHA-256', `\`${wheel.sha256}\``],
    ['Files', String(wheel.entries.length)],
  ];
  for (const place of wheel.verifications ?? []) {
    const id = place.image?.id ? ` (\`${place.image.id.slice(0, 19)}\`)` : '';
    rows.push([
      `Verified ${place.image ? 'in' : 'on'} ${cellText(place.where)}${id}`,
      `${place.result}: ${cellText(`python ${place.python.version} at ${place.python.path}`)}, tags \`${cellText(place.tagsAccepted.join(', '))}\``,
    ]);
  }
  if (wheel.nativeReport.runtimeNeeds)
    rows.push(['Runtime needs', cellText(wheel.nativeReport.runtimeNeeds)]);
  if (outputs['artifact-url'])
    rows.push(['Artifact', `[${outputs['artifact-name'] ?? 'wheel'}](${outputs['artifact-url']})`]);
  if (outputs['s3-url']) rows.push(['S3', outputs['s3-uri'] ?? outputs['s3-url']]);
  if (outputs['verify-published'] === 'passed') {
    rows.push([
      'Consumer check',
      'passed: pip chose the published wheel (same sha256), and it installs and imports as ' +
        'the platform reads it',
    ]);
  } else if (outputs['verify-published'] === 'skipped') {
    rows.push(['Consumer check', 'skipped (`verify-published: false`)']);
  }
  if (wheel.receipt)
    rows.push(['Receipt', `\`${wheel.receipt.fileName}\` (sha256 \`${wheel.receipt.sha256}\`)`]);
  const parts = [
    `## :white_check_mark: ${cellText(wheel.distribution)} ${cellText(wheel.version)} built and verified`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
  ];
  if (outputs.requirement) {
    const proven =
      outputs['verify-published'] === 'passed'
        ? ' The consumer check proved that pip installs exactly this wheel from it.'
        : '';
    parts.push(
      "Add this line to the algorithm's dependencies file (recommended: pip checks the " +
        `\`#sha256=\` and installs this exact wheel or nothing).${proven}`,
      '',
      '```',
      outputs.requirement,
      '```',
      '',
    );
  }
  if (outputs['index-url'] && outputs['index-requirement']) {
    parts.push(
      indexSummaryMarkdown({
        'index-url': outputs['index-url'],
        'index-requirement': outputs['index-requirement'],
      }),
      '',
    );
  }
  // The runner drops a step summary over 1 MiB whole: the verdict and the proof (the receipt)
  // come first and whole; the long parts get what room is left, cut with a count.
  let room = MAX_SUMMARY_BYTES - bytesOf(parts);
  if (wheel.receipt) {
    const receipt = receiptSummaryMarkdown(wheel.receipt.fileName, wheel.receipt.bytes);
    const fits = Buffer.byteLength(receipt) + 1 <= room / 2;
    const shown = fits
      ? receipt
      : `The verification receipt (${wheel.receipt.bytes.length} bytes) is too long for the job summary: it is \`${cellText(wheel.receipt.fileName)}\` beside the wheel.\n`;
    parts.push(shown);
    room -= Buffer.byteLength(shown) + 1;
  }
  const native = wheel.nativeReport.summary
    ? [
        '<details><summary>Native files and their libraries</summary>',
        '',
        wheel.nativeReport.summary,
        '',
        '</details>',
        '',
      ]
    : [];
  const contents = [
    ...wheel.entries.map(
      (e) =>
        `| \`${cellText(e.path)}\` | ${e.size} | ${cellText((wheel.nativeReport.needed[e.path] ?? []).join(', '))} |`,
    ),
  ];
  // Each long part may use half of what is left (all of it, when the other is empty).
  const nativeRoom = native.length > 0 ? room / 2 : 0;
  parts.push(
    '<details><summary>Contents of the wheel</summary>',
    '',
    '| Path | Size | Native dependencies |',
    '|---|---:|---|',
    ...fitLines(
      contents,
      room - nativeRoom - 200,
      (left) => `| ... and ${left} more files (${wheel.entries.length} in all) | | |`,
    ),
    '',
    '</details>',
    '',
  );
  if (native.length > 0) {
    const lines = native.join('\n').split('\n');
    parts.push(
      ...fitLines(
        lines,
        nativeRoom - 200,
        (left) =>
          `\n... ${left} more lines of the native report left out (the receipt holds every native file)\n\n</details>\n`,
      ),
    );
  }
  return parts.join('\n');
}

/** The runner's limit on one step's summary is 1 MiB; some room is kept for redaction's marks. */
export const MAX_SUMMARY_BYTES = 1024 * 1024 - 32 * 1024;

function bytesOf(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
}

/** The first lines that fit in `room` bytes, then `more(count left out)` when some did not. Pure. */
export function fitLines(
  lines: readonly string[],
  room: number,
  more: (left: number) => string,
): string[] {
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    used += Buffer.byteLength(lines[i]!) + 1;
    if (used > room) return [...lines.slice(0, i), more(lines.length - i)];
  }
  return [...lines];
}

/** The summary of a failed run: what failed and how to fix it. */
export function failureMarkdown(
  message: string,
  details?: string,
  title = 'The wheel was not published',
): string {
  const parts = [`## :x: ${cellText(title)}`, '', cellText(message), ''];
  if (details) {
    const lines = details.split('\n');
    const room = MAX_SUMMARY_BYTES - bytesOf(parts) - 200;
    parts.push(
      '```',
      ...fitLines(lines, room, (left) => `... ${left} more lines left out`),
      '```',
      '',
    );
  }
  return parts.join('\n');
}

/**
 * The summary of a run that failed after it published: what is out there (where, and the sha256
 * to check it by) first, then what failed and how to fix it. Never "not published".
 */
export function publishedFailureMarkdown(
  outputs: Outputs,
  message: string,
  details?: string,
  title = 'Published, but a later step failed',
): string {
  const rows: [string, string][] = [];
  if (outputs['wheel-name']) rows.push(['Wheel', `\`${cellText(outputs['wheel-name'])}\``]);
  if (outputs.sha256) rows.push(['SHA-256', `\`${outputs.sha256}\``]);
  if (outputs['s3-uri']) rows.push(['S3', cellText(outputs['s3-uri'])]);
  if (outputs['index-url']) rows.push(['Index', cellText(outputs['index-url'])]);
  if (outputs['artifact-name']) rows.push(['Artifact', cellText(outputs['artifact-name'])]);
  const parts = [
    `## :warning: ${cellText(title)}`,
    '',
    'The wheel was published (the outputs are set):',
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${v} |`),
    '',
    `**What failed afterwards:** ${cellText(message)}`,
    '',
  ];
  if (details) parts.push('```', details, '```', '');
  return parts.join('\n');
}

/**
 * One line for the error after an upload: what is out there (URI, sha256, index, artifact), so
 * the annotation itself never reads as if nothing was published.
 */
export function publishedLine(outputs: Outputs): string {
  const where = [
    outputs['s3-uri'],
    outputs['artifact-name'] && `artifact ${outputs['artifact-name']}`,
  ]
    .filter(Boolean)
    .join(' and ');
  const index = outputs['index-url'] ? `; index ${outputs['index-url']}` : '';
  const sha256 = outputs.sha256 ? ` (sha256 ${outputs.sha256})` : '';
  return `The wheel was published before this failure: ${where || outputs['wheel-name'] || 'the wheel'}${sha256}${index}; the outputs are set.`;
}

/** Text inside a Markdown table cell: HTML-escaped, and `|` does not end the cell. */
function cellText(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|');
}
