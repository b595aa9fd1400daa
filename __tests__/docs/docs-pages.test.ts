// The README is a door and docs/ the reference: the README stays short, every relative link of
// both leads to a file and a heading that exist, and every YAML block is a workflow (or a list of
// steps) that passes the workflow schema and uses this action's real inputs and outputs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  brokenLinks,
  fencedBlocks,
  githubSlug,
  headingAnchors,
  markdownLinks,
} from '../../script/doc-links.mjs';
import {
  ACTION_REF,
  asWorkflow,
  runsOnlyOnTags,
  workflowProblems,
} from '../../script/doc-workflows.mjs';
import { CONTAINER_ENV_ALLOWED } from '../../src/exec/container-plan.js';
import type { InputName } from '../../src/inputs/input-spec.js';
import { getInputs } from '../../src/inputs/inputs.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const README_LIMIT = 16 * 1024;

interface Job {
  strategy?: { matrix?: Record<string, unknown> & { include?: Record<string, unknown>[] } };
  steps?: { uses?: string; with?: Record<string, unknown> }[];
}

/** The values of a job's first matrix combination: its first `include`, or each list's first. */
function firstMatrixEntry(job: Job): Record<string, unknown> {
  const matrix = job.strategy?.matrix ?? {};
  if (matrix.include?.[0]) return matrix.include[0];
  return Object.fromEntries(
    Object.entries(matrix).map(([key, values]) => [
      key,
      Array.isArray(values) ? values[0] : values,
    ]),
  );
}
const action = parse(readFileSync(join(repo, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};

const docsPages = readdirSync(join(repo, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => `docs/${name}`);
const pages: Record<string, string> = Object.fromEntries(
  ['README.md', ...docsPages].map((path) => [path, readFileSync(join(repo, path), 'utf8')]),
);
const readme = pages['README.md']!;
/** The other Markdown files a reader follows links from: their links are checked too. */
const otherPages: Record<string, string> = Object.fromEntries(
  [
    'CONTRIBUTING.md',
    'DEVELOPERS.md',
    'CHANGELOG.md',
    'bench/README.md',
    'examples/vecmath/README.md',
  ].map((path) => [path, readFileSync(join(repo, path), 'utf8')]),
);

describe('the README is a door', () => {
  it(`is under ${README_LIMIT / 1024} KB`, () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(README_LIMIT);
  });

  it('shows the two commands exactly as CI and newcomers run them', () => {
    const shell = fencedBlocks(readme).filter((block) => block.language === 'sh');
    const commands = shell.flatMap((block) =>
      block.text.split('\n').map((line) => line.replace(/#.*/, '').trim()),
    );
    expect(commands).toContain('npm run example');
    expect(commands).toContain('npm test');
  });

  it('carries the workflows people copy, the smallest first, and links every page of docs/', () => {
    const workflows = fencedBlocks(readme)
      .filter((block) => block.language === 'yaml')
      .map((block) => parse(block.text) as { jobs?: Record<string, unknown> });
    expect(workflows.filter((workflow) => workflow.jobs !== undefined)).toHaveLength(4);
    const headings = readme.match(/^### .*$/gm) ?? [];
    expect(headings[0]).toBe('### The smallest workflow');
    expect(readme).toMatch(/^### Publish a release to S3 with OIDC$/m);
    expect(readme).toMatch(/^### Build in a vendor image \(`image`\)$/m);
    expect(readme).toMatch(/^### Build for several Pythons$/m);
    const linked = new Set(markdownLinks(readme).map((link) => link.target.split('#')[0]));
    expect(docsPages.filter((page) => !linked.has(page))).toEqual([]);
  });

  it('draws the pipeline in a Mermaid diagram GitHub renders, each step in the order it runs', () => {
    const [diagram, ...more] = fencedBlocks(readme).filter((block) => block.language === 'mermaid');
    expect(more).toEqual([]);
    const lines = diagram!.text.split('\n');
    expect(lines[0]).toBe('flowchart LR');
    // Each arrow `a[...] --> b[...]` in the order of the pipeline, from the build to the check
    // that the published file installs.
    const arrows = lines
      .map((line) => line.match(/^\s*(\w+)(?:\[.*?\])? --> (\w+)/))
      .filter((m): m is RegExpMatchArray => m !== null)
      .map((m) => `${m[1]}->${m[2]}`);
    expect(arrows).toEqual([
      'build->stage',
      'stage->probe',
      'probe->pack',
      'pack->verify',
      'verify->publish',
      'publish->consumer',
    ]);
    expect(diagram!.text).toMatch(/verify -\. fails \.-> stop\["nothing published"\]/);
  });

  it('leaves the generated tables to docs/inputs-outputs.md, which is up to date', () => {
    expect(readme).not.toContain('<!-- inputs-table -->');
    const check = spawnSync(process.execPath, [join(repo, 'script', 'docs.mjs'), '--check'], {
      cwd: repo,
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

describe('relative links in README.md, docs/ and the other Markdown files', () => {
  const exists = (path: string) => existsSync(join(repo, path));

  // Anchors into the other pages are checked against those pages' headings.
  const problems = brokenLinks({ ...pages, ...otherPages }, exists);

  it.each(Object.keys({ ...pages, ...otherPages }))(
    '%s: every relative link resolves to a file and heading',
    (path) => {
      expect(problems.filter((problem) => problem.startsWith(`${path}:`))).toEqual([]);
    },
  );

  it('counts links: each page of docs/ links somewhere, so the check has work to do', () => {
    for (const path of docsPages) expect(markdownLinks(pages[path]!).length).toBeGreaterThan(0);
  });

  it('finds a missing file, a missing anchor, and a link that leaves the repository', () => {
    const fake = {
      'README.md': '# Top\n\n## Build (`image`)\n\n[a](docs/x.md) [b](#build-image) [c](#nope)\n',
      'docs/x.md': '# X\n\n[d](../README.md#top) [e](../README.md#gone) [f](../../etc/passwd)\n',
    };
    const files = new Set(['README.md', 'docs/x.md']);
    expect(brokenLinks(fake, (path) => files.has(path))).toEqual([
      'README.md:5: #nope: README.md has no #nope',
      'docs/x.md:3: ../README.md#gone: README.md has no #gone',
      'docs/x.md:3: ../../etc/passwd: leads outside the repository',
    ]);
    expect(brokenLinks({ 'a.md': '[x](missing.md)\n' }, () => false)).toEqual([
      'a.md:1: missing.md: missing.md does not exist',
    ]);
    expect(brokenLinks({ 'a.md': '[x](src/a.ts#L3)\n' }, () => true)).toEqual([
      'a.md:1: src/a.ts#L3: src/a.ts is not a checked page',
    ]);
  });

  it('reads links outside code only, and external links are not files', () => {
    const text = [
      '[one](a.md) `[no](b.md)` [two](<c.md> "title")',
      '```md',
      '[no](d.md)',
      '```',
      '[ref]: e.md',
      '[web](https://example.com/x.md)',
    ].join('\n');
    expect(markdownLinks(text).map((link) => link.target)).toEqual([
      'a.md',
      'c.md',
      'e.md',
      'https://example.com/x.md',
    ]);
    expect(brokenLinks({ 'p.md': text }, (path) => path !== 'b.md' && path !== 'd.md')).toEqual([]);
  });

  it.each([
    ['Build in a vendor image (`image`)', 'build-in-a-vendor-image-image'],
    ['A pip index in the bucket (`s3-index: true`)', 'a-pip-index-in-the-bucket-s3-index-true'],
    ['Projects with a setup.py or pyproject.toml', 'projects-with-a-setuppy-or-pyprojecttoml'],
    ['2. Python', '2-python'],
    ['IAM: the role and its policy', 'iam-the-role-and-its-policy'],
    ['Container job or `image`?', 'container-job-or-image'],
    ['**Bold** [link](x.md) snake_case', 'bold-link-snake_case'],
  ])('slugs %s as GitHub does', (heading, slug) => {
    expect(githubSlug(heading)).toBe(slug);
  });

  it('numbers repeated headings and ignores headings in code', () => {
    const anchors = headingAnchors('# A\n## A\n```\n# B\n```\n### A #\n');
    expect([...anchors]).toEqual(['a', 'a-1', 'a-2']);
  });
});

describe('YAML blocks in README.md and docs/', () => {
  const blocks = Object.entries(pages).flatMap(([path, text]) =>
    fencedBlocks(text)
      .filter((block) => block.language === 'yaml' || block.language === 'yml')
      .map((block) => ({ where: `${path}:${block.line}`, text: block.text })),
  );

  it('finds the README workflows and the ones in docs/', () => {
    expect(blocks.filter((block) => block.where.startsWith('README.md')).length).toBe(4);
    expect(blocks.length).toBeGreaterThan(3);
  });

  it.each(blocks.map((block) => [block.where, block.text]))(
    '%s parses, passes the workflow schema and uses real inputs and outputs',
    (_where, text) => {
      expect(workflowProblems(text, action)).toEqual([]);
    },
  );

  // Beyond the schema: each step of this action, its `${{ }}` expressions given the values a run
  // would give them (the matrix's first entry, a run number; a tag push when the workflow runs on
  // tags only, a branch push otherwise), is accepted by the action's own input validation.
  it.each(blocks.map((block) => [block.where, block.text]))(
    '%s: the action accepts the inputs of each of its steps',
    (_where, text) => {
      const { workflow, whole } = asWorkflow(parse(text))!;
      // A list of steps has no trigger of its own: it runs where the README's workflows do.
      const onTags = !whole || runsOnlyOnTags(workflow.on);
      const ref = onTags ? 'refs/tags/v1.4.0' : 'refs/heads/main';
      let steps = 0;
      for (const job of Object.values(workflow.jobs as Record<string, Job>)) {
        const matrix = firstMatrixEntry(job);
        for (const step of job.steps ?? []) {
          if (step.uses !== ACTION_REF) continue;
          steps++;
          const given = Object.fromEntries(
            Object.entries(step.with ?? {}).map(([name, value]) => [
              name,
              String(value).replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_all, expression: string) =>
                expression.startsWith('matrix.')
                  ? String(matrix[expression.slice('matrix.'.length)])
                  : expression === 'github.run_number'
                    ? '7'
                    : 'x',
              ),
            ]),
          );
          const source = (name: InputName) => given[name] ?? '';
          const env = { GITHUB_WORKSPACE: '/ws', GITHUB_REF: ref, GITHUB_REF_TYPE: '' };
          expect(() => getInputs(source, env)).not.toThrow();
        }
      }
      expect(steps).toBeGreaterThan(0);
    },
  );

  it('refuses a block that breaks the schema, the action, or a branch push', () => {
    const broken = [
      'on:',
      '  push:',
      '    branches: [main]',
      'jobs:',
      '  wheel:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      `      - uses: ${ACTION_REF}`,
      '        id: wheel',
      '        with:',
      '          pyhton: python3',
      '      - run: echo ${{ steps.wheel.outputs.wheel-path }}',
    ].join('\n');
    expect(workflowProblems(broken, action)).toEqual([
      'job wheel: action.yml has no input "pyhton"',
      'job wheel: no `version`, and the workflow runs on more than tag pushes (the run fails with "no version was given" there)',
      'reads steps.wheel.outputs.wheel-path: action.yml has no such output',
    ]);
    const schema = workflowProblems('on: push\njobs:\n  a:\n    steps: []\n', action);
    expect(schema[0]).toBe('fails the workflow schema:');
    expect(workflowProblems('- uses: algorithmia/wheel-maker@v1\n', action)).toEqual([
      `job steps: uses algorithmia/wheel-maker@v1, not ${ACTION_REF}`,
    ]);
    expect(workflowProblems('key: [unclosed\n', action)[0]).toMatch(/^does not parse as YAML/);
    expect(workflowProblems('just: a mapping\n', action)).toEqual([
      'is neither a workflow (a mapping with `jobs`) nor a list of steps',
    ]);
  });

  it('accepts the attestations permission the schema predates, but not a bad value of it', () => {
    const workflow = (value: string) =>
      [
        'on: push',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-24.04',
        '    permissions:',
        `      attestations: ${value}`,
        '    steps:',
        '      - run: echo ok',
      ].join('\n');
    expect(workflowProblems(workflow('write'), action)).toEqual([]);
    expect(workflowProblems(workflow('sometimes'), action)[0]).toBe('fails the workflow schema:');
  });

  it('knows which triggers give the tag as the version', () => {
    expect(runsOnlyOnTags({ push: { tags: ['v*'] } })).toBe(true);
    expect(runsOnlyOnTags({ push: { tags: ['v*'], branches: ['main'] } })).toBe(false);
    expect(runsOnlyOnTags({ push: { tags: ['v*'] }, pull_request: null })).toBe(false);
    expect(runsOnlyOnTags(['push'])).toBe(false);
  });
});

describe('the pages of docs/', () => {
  it('docs/images.md names exactly the variables the image gets', () => {
    const page = pages['docs/images.md']!;
    const listed = /<!-- image-variables -->([\s\S]*?)<!-- \/image-variables -->/.exec(page)?.[1];
    expect(listed).toBeDefined();
    expect([...listed!.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1])).toEqual(CONTAINER_ENV_ALLOWED);
  });

  it.each(docsPages)('%s is a non-empty page with one title', (path) => {
    expect(statSync(join(repo, path)).size).toBeGreaterThan(0);
    expect(pages[path]!.match(/^# /gm)).toHaveLength(1);
  });
});
