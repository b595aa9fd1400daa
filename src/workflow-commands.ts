/**
 * The few workflow commands the action uses, written as @actions/core writes them (the same bytes:
 * __tests__/workflow-commands.test.ts runs both on the same hostile values), without loading it:
 * @actions/core imports its OIDC client and, through it, an HTTP stack (undici) of about 1 MB,
 * which a run that rejects a bad input would otherwise parse before saying so. Node builtins only.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { access, appendFile, constants } from 'node:fs/promises';
import { EOL } from 'node:os';

export interface AnnotationProperties {
  title?: string;
  file?: string;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * `::command key=value,...::message`. As in @actions/core, properties given but all empty still
 * leave the space after the command; empty values are left out.
 */
export function commandLine(
  command: string,
  message: string,
  properties: Record<string, string | undefined> = {},
): string {
  let line = `::${command}`;
  const keys = Object.keys(properties);
  if (keys.length > 0) {
    line += ` ${keys
      .filter((key) => properties[key])
      .map((key) => `${key}=${escapeProperty(properties[key]!)}`)
      .join(',')}`;
  }
  return `${line}::${escapeData(message)}`;
}

/** An annotation's properties in the order core's toCommandProperties gives them. */
function annotation(properties: AnnotationProperties): Record<string, string | undefined> {
  return Object.keys(properties).length > 0
    ? { title: properties.title, file: properties.file }
    : {};
}

function issue(
  command: string,
  message: string,
  properties?: Record<string, string | undefined>,
): void {
  process.stdout.write(commandLine(command, message, properties) + EOL);
}

/** An input as the runner passes it (INPUT_<NAME>), trimmed unless `trimWhitespace` is false. */
export function getInput(
  name: string,
  options: { trimWhitespace?: boolean } = {},
  env: NodeJS.ProcessEnv = process.env,
): string {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
  return options.trimWhitespace === false ? value : value.trim();
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  issue('debug', message);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issue('warning', message, annotation(properties));
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issue('error', message, annotation(properties));
}

export function setSecret(secret: string): void {
  issue('add-mask', secret);
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name);
  try {
    return await fn();
  } finally {
    issue('endgroup', '');
  }
}

/** The heredoc form of GITHUB_OUTPUT, with a random delimiter that occurs in neither part. */
export function outputRecord(name: string, value: string, delimiter: string): string {
  if (name.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (value.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT || '';
  if (!file) {
    process.stdout.write(EOL);
    issue('set-output', value, { name });
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, outputRecord(name, value, `ghadelimiter_${randomUUID()}`), 'utf8');
}

/** Appends markdown to the job summary (GITHUB_STEP_SUMMARY), as core.summary.addRaw().write(). */
export async function appendSummary(markdown: string): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    throw new Error(
      'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
    );
  }
  try {
    await access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`,
    );
  }
  await appendFile(file, markdown, { encoding: 'utf8' });
}
