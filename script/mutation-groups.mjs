/**
 * What `npm run mutation` mutates, in groups: each group's mutants run against the unit tests of
 * that group only. A mutant of a module-level constant (a "static" mutant: a regex, a list) has no
 * per-test coverage and runs every test of its group, and each run imports the group's test
 * files afresh, so small groups with light imports keep a run to minutes.
 */
export const MUTATION_GROUPS = {
  container: {
    mutate: ['src/exec/container-plan.ts'],
    tests: [
      '__tests__/exec/container-plan.test.ts',
      '__tests__/exec/container-env-lists.test.ts',
      '__tests__/exec/container-plan-exact.test.ts',
    ],
  },
  stage: {
    mutate: ['src/stage/stage.ts', 'src/stage/stage-glob.ts', 'src/wheel/path-chars.ts'],
    tests: [
      '__tests__/stage/stage.test.ts',
      '__tests__/stage/stage-walk.test.ts',
      '__tests__/stage/stage-contents.test.ts',
      '__tests__/stage/stage-exclude.test.ts',
      '__tests__/stage/stage-glob.test.ts',
      '__tests__/stage/stage-modes-order.test.ts',
      '__tests__/stage/stage-refusals.test.ts',
      '__tests__/stage/stage-unreadable.test.ts',
      '__tests__/stage/stage-exact.test.ts',
      '__tests__/wheel/path-chars.test.ts',
    ],
  },
  publish: {
    mutate: [
      'src/publish/artifact/artifact-plan.ts',
      'src/publish/s3/s3-plan.ts',
      'src/publish/index/index-pages.ts',
    ],
    tests: [
      '__tests__/publish/artifact/artifact-plan.test.ts',
      '__tests__/publish/artifact/artifact-plan-exact.test.ts',
      '__tests__/publish/s3/s3-plan.test.ts',
      '__tests__/publish/s3/s3-plan-exact.test.ts',
      '__tests__/publish/index/index-pages.test.ts',
      '__tests__/publish/index/index-pages-exact.test.ts',
    ],
  },
  names: {
    mutate: ['src/wheel/names.ts', 'src/wheel/tags.ts'],
    tests: [
      '__tests__/wheel/names.test.ts',
      '__tests__/wheel/tags.test.ts',
      '__tests__/publish/index/index-pages.test.ts',
    ],
  },
  inputs: {
    mutate: ['src/inputs/inputs.ts', 'src/inputs/input-reader.ts', 'src/inputs/inputs-publish.ts'],
    tests: [
      '__tests__/inputs/inputs.test.ts',
      '__tests__/inputs/inputs-bounds.test.ts',
      '__tests__/inputs/inputs-exact.test.ts',
    ],
  },
  versions: {
    mutate: ['src/wheel/version.ts', 'src/wheel/requirement.ts', 'src/wheel/metadata.ts'],
    tests: [
      '__tests__/wheel/version.test.ts',
      '__tests__/wheel/requirement.test.ts',
      '__tests__/wheel/metadata.test.ts',
    ],
  },
};

/** The group of this process (MUTATION_GROUP), or every group's files at once. */
export function currentGroup() {
  const name = process.env.MUTATION_GROUP;
  if (name) {
    const group = MUTATION_GROUPS[name];
    if (!group) throw new Error(`MUTATION_GROUP=${name}: no such group`);
    return { name, ...group };
  }
  const all = Object.values(MUTATION_GROUPS);
  return {
    name: 'all',
    mutate: [...new Set(all.flatMap((g) => g.mutate))],
    tests: [...new Set(all.flatMap((g) => g.tests))],
  };
}
