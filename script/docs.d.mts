// Types for script/docs.mjs, so __tests__/docs/docs.test.ts can import its pure functions.
export function cell(text: unknown): string;
export function code(value: string): string;
export function defaultCell(value: unknown): string;
export function inputsTable(inputs: Record<string, ActionEntry> | undefined): string;
export function outputsTable(outputs: Record<string, ActionEntry> | undefined): string;
export function replaceSection(text: string, name: string, body: string): string;
export const TABLES_PAGE: string;
export function renderTables(page: string, actionYaml: string): string;
export function formatTables(page: string, actionYaml: string, pagePath: string): Promise<string>;
export const DEFAULTS_MODULE: string;
export function renderDefaults(actionYaml: string): string;
export function formatDefaults(actionYaml: string, modulePath: string): Promise<string>;
export function firstDifference(
  a: string,
  b: string,
): { line: number; actual: string | undefined; expected: string | undefined } | undefined;

export interface ActionEntry {
  description?: string;
  default?: unknown;
  required?: boolean;
}
