// Types for script/doc-workflows.mjs, so __tests__/docs/docs-pages.test.ts can import it.
export const ACTION_REF: string;
export function asWorkflow(
  document: unknown,
): { workflow: Record<string, unknown>; whole: boolean } | undefined;
export function withoutAttestationsPermission(
  workflow: Record<string, unknown>,
): Record<string, unknown>;
export function runsOnlyOnTags(on: unknown): boolean;
export function workflowProblems(
  text: string,
  action: { inputs?: Record<string, unknown>; outputs?: Record<string, unknown> },
): string[];
