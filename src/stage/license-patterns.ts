/** setuptools' default `license_files` patterns, which `license-files` defaults to as well. */
export const DEFAULT_LICENSE_PATTERNS: readonly string[] = [
  'LICEN[CS]E*',
  'COPYING*',
  'NOTICE*',
  'AUTHORS*',
];
