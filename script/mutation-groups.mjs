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
  wheelfiles: {
    mutate: [
      'src/wheel/top-level.ts',
      'src/wheel/pkg-info.ts',
      'src/wheel/specifier.ts',
      'src/wheel/layout.ts',
      'src/wheel/file-name-length.ts',
    ],
    tests: [
      '__tests__/wheel/top-level.test.ts',
      '__tests__/wheel/top-level-exact.test.ts',
      '__tests__/wheel/pkg-info.test.ts',
      '__tests__/wheel/pkg-info-exact.test.ts',
      '__tests__/wheel/specifier.test.ts',
      '__tests__/wheel/specifier-exact.test.ts',
      '__tests__/wheel/layout.test.ts',
      '__tests__/wheel/file-name-length.test.ts',
    ],
  },
  inputspec: {
    mutate: [
      'src/inputs/input-spec.ts',
      'src/inputs/project-version.ts',
      'src/inputs/closest-name.ts',
      'src/inputs/output-spec.ts',
      'src/inputs/inputs-verify.ts',
    ],
    tests: [
      '__tests__/inputs/project-version.test.ts',
      '__tests__/inputs/project-version-exact.test.ts',
      '__tests__/inputs/inputs-verify.test.ts',
      '__tests__/inputs/inputs-verify-exact.test.ts',
      '__tests__/inputs/closest-name.test.ts',
      '__tests__/inputs/input-spec-exact.test.ts',
      '__tests__/inputs/action-yml-specs.test.ts',
    ],
  },
  pythonplans: {
    mutate: [
      'src/python/runtime-locale.ts',
      'src/python/abi-check.ts',
      'src/python/probe-script.ts',
      'src/python/probe.ts',
      'src/stage/special-files.ts',
    ],
    tests: [
      '__tests__/python/runtime-locale.test.ts',
      '__tests__/python/abi-check.test.ts',
      '__tests__/python/abi-check-exact.test.ts',
      '__tests__/python/probe-script.test.ts',
      '__tests__/stage/special-files.test.ts',
      '__tests__/stage/special-files-exact.test.ts',
    ],
  },
  cli: {
    mutate: ['src/shell/command.ts'],
    tests: ['__tests__/shell/command-exact.test.ts', '__tests__/inputs/input-spec-exact.test.ts'],
  },
  consumerplans: {
    mutate: [
      'src/publish/consumer/verify-published-plan.ts',
      'src/publish/consumer/consumer-read-plan.ts',
      'src/publish/consumer/pip-choice-plan.ts',
      'src/publish/index/list-plan.ts',
      'src/publish/index/index-errors.ts',
    ],
    tests: [
      '__tests__/publish/consumer/verify-published-plan.test.ts',
      '__tests__/publish/consumer/consumer-read-plan.test.ts',
      '__tests__/publish/consumer/pip-choice-plan.test.ts',
      '__tests__/publish/index/list-plan.test.ts',
      '__tests__/publish/consumer/consumer-plans-exact.test.ts',
      '__tests__/publish/index/index-errors.test.ts',
    ],
  },
  logstreams: {
    mutate: ['src/log/redact-stream.ts', 'src/log/text-tail.ts', 'src/log/progress.ts'],
    tests: [
      '__tests__/log/redact.test.ts',
      '__tests__/log/text-tail.test.ts',
      '__tests__/log/log-streams-exact.test.ts',
    ],
  },
  receipt: {
    mutate: ['src/publish/receipt.ts', 'src/shell/summary.ts'],
    tests: [
      '__tests__/publish/receipt.test.ts',
      '__tests__/publish/receipt-exact.test.ts',
      // summary.test.ts stays out: its 20,000-row summaries would run again for every mutant.
      '__tests__/shell/summary-exact.test.ts',
    ],
  },
  zipwriter: {
    mutate: ['src/zip/zip-writer.ts'],
    tests: ['__tests__/zip/zip-writer-exact.test.ts'],
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
