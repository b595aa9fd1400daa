import { randomUUID } from 'node:crypto';

export type OutputFormat = 'lines' | 'json';

/** The outputs that are whole numbers: numbers, not strings, with --json. */
export const NUMERIC_OUTPUTS: ReadonlySet<string> = new Set(['size', 'artifact-id']);

/**
 * The CLI's outputs on stdout. `lines`: `name=value` for a one-line value and, for a value with
 * line breaks, the heredoc form GITHUB_OUTPUT uses:
 *
 *     name<<ghadelimiter_<uuid>
 *     first line
 *     second line
 *     ghadelimiter_<uuid>
 *
 * (a delimiter that occurs in no line of the value). `json`: one JSON object on one line.
 */
export function formatOutputs(
  outputs: Readonly<Record<string, string>>,
  format: OutputFormat,
  newDelimiter: () => string = () => `ghadelimiter_${randomUUID()}`,
): string {
  if (format === 'json') {
    // Counts are numbers in JSON (`"size": 1234`); GITHUB_OUTPUT and `lines` only know strings.
    const typed = Object.fromEntries(
      Object.entries(outputs).map(([name, value]) => [
        name,
        NUMERIC_OUTPUTS.has(name) && /^\d+$/.test(value) ? Number(value) : value,
      ]),
    );
    return `${JSON.stringify(typed)}\n`;
  }
  let text = '';
  for (const [name, value] of Object.entries(outputs)) {
    if (!/[\r\n]/.test(value)) {
      text += `${name}=${value}\n`;
      continue;
    }
    const lines = value.split(/\r\n|\r|\n/);
    let delimiter = newDelimiter();
    while (lines.includes(delimiter)) delimiter = newDelimiter();
    text += `${name}<<${delimiter}\n${lines.join('\n')}\n${delimiter}\n`;
  }
  return text;
}

/** `--json` on failure: `{"error": {"message", "input", "fix"}}` on one line of stdout. */
export function errorJson(
  message: string,
  input: string | undefined,
  fix: string | undefined,
): string {
  return `${JSON.stringify({ error: { message, input: input ?? null, fix: fix ?? null } })}\n`;
}
