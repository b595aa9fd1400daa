// Checks a YAML block of the documentation the way a user's copy of it would be checked: it must
// parse, pass the workflow schema (action-validator, as script/validate-actions.mjs uses), and use
// this action as action.yml declares it. For __tests__/docs/docs-pages.test.ts; no I/O.
import { validateWorkflow } from '@action-validator/core';
import { parse, stringify } from 'yaml';
import { describeErrors } from './validate-actions.mjs';

/** How the documentation names this action. */
export const ACTION_REF = 'algorithmiaio/wheel-maker@v1';

const isMapping = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A block is a whole workflow (a mapping with `jobs`) or a list of steps, which is checked as the
 * steps of a one-job workflow. Returns the workflow to validate, or undefined for anything else.
 */
export function asWorkflow(document) {
  if (isMapping(document) && isMapping(document.jobs)) return { workflow: document, whole: true };
  if (Array.isArray(document) && document.length > 0 && document.every(isMapping)) {
    const job = { 'runs-on': 'ubuntu-24.04', steps: document };
    return { workflow: { on: 'push', jobs: { steps: job } }, whole: false };
  }
  return undefined;
}

/**
 * action-validator 0.6's schema predates the `attestations` permission (GitHub added it in 2024
 * for actions/attest-build-provenance) and rejects it as "Additional property". The runner
 * accepts it, so a copy without it is validated, as script/validate-actions.mjs does for
 * `using: node24`; an invalid value is left in place to fail. Drop this when the schema knows it.
 */
export function withoutAttestationsPermission(workflow) {
  const strip = (permissions) => {
    if (!isMapping(permissions) || !['read', 'write', 'none'].includes(permissions.attestations)) {
      return permissions;
    }
    return Object.fromEntries(
      Object.entries(permissions).filter(([key]) => key !== 'attestations'),
    );
  };
  const copy = { ...workflow, jobs: { ...workflow.jobs } };
  if ('permissions' in workflow) copy.permissions = strip(workflow.permissions);
  for (const [name, job] of Object.entries(workflow.jobs)) {
    if (isMapping(job) && 'permissions' in job) {
      copy.jobs[name] = { ...job, permissions: strip(job.permissions) };
    }
  }
  return copy;
}

/** True when the workflow runs only on tag pushes, where the tag gives the version. */
export function runsOnlyOnTags(on) {
  if (!isMapping(on)) return false;
  const events = Object.keys(on);
  const push = on.push;
  return events.length === 1 && isMapping(push) && push.tags !== undefined && !push.branches;
}

/** Every string in a parsed YAML value, for finding `${{ ... }}` expressions. */
function strings(value) {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (isMapping(value)) return [...Object.keys(value), ...Object.values(value).flatMap(strings)];
  return [];
}

/**
 * The problems of one YAML block, each one line. `action` is action.yml parsed: the inputs a
 * step may pass and the outputs an expression may read.
 */
export function workflowProblems(text, action) {
  let document;
  try {
    document = parse(text);
  } catch (error) {
    return [`does not parse as YAML: ${error instanceof Error ? error.message : String(error)}`];
  }
  const shape = asWorkflow(document);
  if (!shape) return ['is neither a workflow (a mapping with `jobs`) nor a list of steps'];
  const { workflow, whole } = shape;
  const problems = [];
  const { errors } = validateWorkflow(stringify(withoutAttestationsPermission(workflow)));
  if (errors.length > 0) {
    problems.push('fails the workflow schema:', ...describeErrors(errors, '    '));
  }
  const inputs = new Set(Object.keys(action.inputs ?? {}));
  const outputs = new Set(Object.keys(action.outputs ?? {}));
  const ourIds = new Set();
  for (const [jobName, job] of Object.entries(workflow.jobs)) {
    const steps = isMapping(job) && Array.isArray(job.steps) ? job.steps : [];
    for (const step of steps) {
      if (!isMapping(step) || typeof step.uses !== 'string') continue;
      if (!/(^|\/)wheel-maker@/.test(step.uses)) continue;
      if (step.uses !== ACTION_REF)
        problems.push(`job ${jobName}: uses ${step.uses}, not ${ACTION_REF}`);
      if (typeof step.id === 'string') ourIds.add(step.id);
      const given = isMapping(step.with) ? step.with : {};
      for (const name of Object.keys(given)) {
        if (!inputs.has(name)) problems.push(`job ${jobName}: action.yml has no input "${name}"`);
      }
      if (whole && given.version === undefined && given['project-dir'] === undefined) {
        if (!runsOnlyOnTags(workflow.on)) {
          problems.push(
            `job ${jobName}: no \`version\`, and the workflow runs on more than tag pushes ` +
              '(the run fails with "no version was given" there)',
          );
        }
      }
    }
  }
  for (const value of strings(workflow)) {
    for (const match of value.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      if (ourIds.has(match[1]) && !outputs.has(match[2])) {
        problems.push(`reads steps.${match[1]}.outputs.${match[2]}: action.yml has no such output`);
      }
    }
  }
  return problems;
}
