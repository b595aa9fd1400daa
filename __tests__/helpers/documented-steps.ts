/**
 * The steps of this action in the documentation's YAML blocks (README.md and docs/), as a run
 * would see them: `${{ }}` expressions given what the runner gives (the matrix's first entry, a
 * run number; a tag push when the workflow runs on tags only), and the values on lines marked
 * `# yours` (a bucket, an image, the image's python...) replaced by the caller's. Nothing else of
 * a block is changed: what is not marked is run as pasted.
 */
import { parse } from 'yaml';
import { ACTION_REF, asWorkflow, runsOnlyOnTags } from '../../script/doc-workflows.mjs';
import { fencedBlocks } from '../../script/doc-links.mjs';

interface Job {
  container?: string | { image?: string };
  strategy?: { matrix?: { include?: Record<string, unknown>[] } & Record<string, unknown> };
  steps?: { uses?: string; with?: Record<string, unknown> }[];
}

export interface DocumentedStep {
  /** `page:line (job name)`. */
  where: string;
  /** The step's `with:` as the action receives it. */
  inputs: Record<string, string>;
  /** The inputs whose value came from a `# yours` line (directly or through the matrix). */
  yours: string[];
  /** The job's `container:` image, `# yours` replaced, when the job runs in one. */
  container: string | undefined;
  /** GITHUB_REF of the run: a tag push when the workflow runs on tags only. */
  ref: string;
}

/**
 * The test's value for a `# yours` key (`image`, `python`, `s3-bucket`, ...), or undefined when it
 * has none: an error for a line marked `# yours`, the matrix's value for an input that only
 * mentions a `# yours` matrix key (an artifact name holding the python version, say).
 */
export type YoursValue = (
  key: string,
  step: { inputs: Record<string, string>; inContainer: boolean },
) => string | undefined;

/** The keys a block marks `# yours` (`key: value # yours...`), wherever they stand. */
export function yoursKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const line of text.split('\n')) {
    const match = /^\s*(?:-\s+)?([\w-]+):\s*\S.*?\s#\s*yours\b/.exec(line);
    if (match) keys.add(match[1]!);
  }
  return keys;
}

function firstMatrixEntry(job: Job): Record<string, unknown> {
  const matrix = job.strategy?.matrix ?? {};
  const first: Record<string, unknown> = { ...(matrix.include?.[0] ?? {}) };
  for (const [key, value] of Object.entries(matrix)) {
    if (key !== 'include' && Array.isArray(value)) first[key] = value[0];
  }
  return first;
}

const EXPRESSION = /\$\{\{\s*([\w.-]+)\s*\}\}/g;

export function documentedSteps(
  pages: Record<string, string>,
  yours: YoursValue,
): DocumentedStep[] {
  const steps: DocumentedStep[] = [];
  for (const [page, markdown] of Object.entries(pages)) {
    for (const block of fencedBlocks(markdown)) {
      if (block.language !== 'yaml' && block.language !== 'yml') continue;
      const found = asWorkflow(parse(block.text));
      if (!found) continue;
      const { workflow, whole } = found;
      const marked = yoursKeys(block.text);
      const ref = !whole || runsOnlyOnTags(workflow.on) ? 'refs/tags/v1.4.0' : 'refs/heads/main';
      for (const [jobName, job] of Object.entries(workflow.jobs as Record<string, Job>)) {
        const matrix = firstMatrixEntry(job);
        for (const step of job.steps ?? []) {
          if (step.uses !== ACTION_REF) continue;
          const inputs: Record<string, string> = {};
          const derived: string[] = [];
          for (const [name, raw] of Object.entries(step.with ?? {})) {
            const text = String(raw);
            inputs[name] = text.replace(EXPRESSION, (_all, expression: string) => {
              if (expression.startsWith('matrix.')) {
                const key = expression.slice('matrix.'.length);
                if (marked.has(key)) derived.push(name);
                return String(matrix[key]);
              }
              if (expression === 'github.run_number') return '7';
              throw new Error(`${page}:${block.line}: no test value for \${{ ${expression} }}`);
            });
          }
          const image = typeof job.container === 'string' ? job.container : job.container?.image;
          const inContainer = image !== undefined;
          const direct = Object.keys(inputs).filter((k) => marked.has(k));
          const replaced: string[] = [];
          for (const name of new Set([...direct, ...derived])) {
            const value = yours(name, { inputs, inContainer });
            if (value === undefined && direct.includes(name)) {
              throw new Error(`${page}:${block.line}: no test value for the \`# yours\` ${name}`);
            }
            if (value === undefined) continue;
            inputs[name] = value;
            replaced.push(name);
          }
          const container =
            image !== undefined && marked.has('container')
              ? (yours('container', { inputs, inContainer }) ?? image)
              : image;
          steps.push({
            where: `${page}:${block.line} (job ${jobName})`,
            inputs,
            yours: replaced.sort(),
            container,
            ref,
          });
        }
      }
    }
  }
  return steps;
}
