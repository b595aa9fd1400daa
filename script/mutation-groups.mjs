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
  redact: {
    mutate: ['src/log/redact.ts'],
    tests: ['__tests__/log/redact.test.ts', '__tests__/log/redact-exact.test.ts'],
  },
  plans: {
    mutate: [
      'src/exec/launch-plan.ts',
      'src/exec/command-timeouts.ts',
      'src/pipeline/fs-failure.ts',
      'src/shell/command-output.ts',
      'src/base/errors.ts',
      'src/base/boolean-word.ts',
      'src/stage/path-limits.ts',
      'src/stage/dist-info-files.ts',
    ],
    tests: [
      '__tests__/exec/launch-plan.test.ts',
      '__tests__/exec/command-timeouts.test.ts',
      '__tests__/pipeline/fs-failure.test.ts',
      '__tests__/shell/command-output.test.ts',
      '__tests__/base/errors.test.ts',
      '__tests__/base/boolean-word.test.ts',
      '__tests__/stage/dist-info-files.test.ts',
      '__tests__/stage/path-limits.test.ts',
      '__tests__/stage/dist-info-files-exact.test.ts',
      '__tests__/base/errors-exact.test.ts',
      '__tests__/exec/command-timeouts-exact.test.ts',
      '__tests__/pipeline/fs-failure-exact.test.ts',
    ],
  },
  zip: {
    mutate: ['src/zip/zip-records.ts', 'src/zip/zip-listing.ts', 'src/zip/zip-entry.ts'],
    tests: ['__tests__/zip/zip-records.test.ts', '__tests__/zip/zip-read.test.ts'],
  },
  s3errors: {
    mutate: ['src/publish/s3/s3-errors.ts', 'src/publish/s3/s3-identity.ts'],
    tests: [
      '__tests__/publish/s3/s3-errors.test.ts',
      '__tests__/publish/s3/s3-errors-exact.test.ts',
      '__tests__/publish/s3/s3-identity.test.ts',
    ],
  },
  report: {
    mutate: [
      'src/native/report.ts',
      'src/native/system-libs.ts',
      'src/pipeline/source-date.ts',
      'src/stage/stage-exclude.ts',
    ],
    tests: [
      '__tests__/native/report.test.ts',
      '__tests__/native/system-libs-policy.test.ts',
      '__tests__/pipeline/source-date.test.ts',
      '__tests__/stage/stage-exclude.test.ts',
    ],
  },
  machines: {
    mutate: ['src/elf/platform.ts', 'src/elf/elf-format.ts'],
    tests: ['__tests__/elf/platform-exact.test.ts'],
  },
  glibc: {
    mutate: ['src/native/glibc-target.ts', 'src/native/symbol-versions.ts'],
    tests: [
      '__tests__/native/glibc-target.test.ts',
      '__tests__/native/glibc-target-exact.test.ts',
      '__tests__/native/symbol-versions-exact.test.ts',
    ],
  },
  // The policy table is all constants: every mutant is static and reruns the group's tests, so
  // it gets the one light test that pins it.
  policy: {
    mutate: ['src/native/manylinux-policy.ts'],
    tests: ['__tests__/native/manylinux-policy-exact.test.ts'],
  },
  bundleplan: {
    mutate: ['src/native/bundle-plan.ts', 'src/native/library-filter.ts'],
    tests: [
      '__tests__/native/library-filter.test.ts',
      '__tests__/native/bundle-plan-exact.test.ts',
    ],
  },
  elf: {
    mutate: [
      'src/elf/reader.ts',
      'src/elf/elf-input.ts',
      'src/elf/elf-dynamic.ts',
      'src/elf/elf-versions.ts',
      'src/elf/elf-symbols.ts',
    ],
    tests: [
      '__tests__/elf/reader-exact.test.ts',
      '__tests__/elf/elf-dynamic-exact.test.ts',
      '__tests__/elf/elf-versions-exact.test.ts',
      '__tests__/elf/elf-bounds-exact.test.ts',
    ],
  },
  loader: {
    mutate: ['src/native/ldd-output.ts', 'src/native/manylinux-tag.ts'],
    tests: [
      '__tests__/native/ldd-output-exact.test.ts',
      '__tests__/native/manylinux-tag-exact.test.ts',
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
