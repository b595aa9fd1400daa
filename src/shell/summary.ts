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
  if (wheel.nativeReport.runtimeNeeds)
    rows.push(['Runtime needs', cellText(wheel.nativeReport.runtimeNeeds)]);
  if (outputs['artifact-url'])
    rows.push(['Artifact', `[${outputs['artifact-name'] ?? 'wheel'}](${outputs['artifact-url']})`]);
  if (outputs['s3-url']) rows.push(['S3', outputs['s3-uri'] ?? outputs['s3-url']]);
  if (outputs['verify-published'] === 'passed') {
    rows.push([
      'Consumer check',
      'passed: the published wheel installs and imports as the platform reads it',
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
    parts.push(
      "Add this line to the algorithm's dependencies file:",
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
  parts.push(
    '<details><summary>Contents of the wheel</summary>',
    '',
    '| Path | Size | Native dependencies |',
    '|---|---:|---|',
    ...wheel.entries.map(
      (e) =>
        `| \`${cellText(e.path)}\` | ${e.size} | ${cellText((wheel.nativeReport.needed[e.path] ?? []).join(', '))} |`,
    ),
    '',
    '</details>',
    '',
  );
  if (wheel.receipt)
    parts.push(receiptSummaryMarkdown(wheel.receipt.fileName, wheel.receipt.bytes));
  if (wheel.nativeReport.summary) {
    parts.push(
      '<details><summary>Native files and their libraries</summary>',
      '',
      wheel.nativeReport.summary,
      '',
      '</details>',
      '',
    );
  }
  return parts.join('\n');
}

/** The summary of a failed run: what failed and how to fix it. */
export function failureMarkdown(
  message: string,
  details?: string,
  title = 'The wheel was not published',
): string {
  const parts = [`## :x: ${cellText(title)}`, '', cellText(message), ''];
  if (details) parts.push('```', details, '```', '');
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

/** Text inside a Markdown table cell: HTML-escaped, and `|` does not end the cell. */
function cellText(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|');
}
