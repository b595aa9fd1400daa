// Types for __tests__/helpers/debian-libs.mjs (shared with bench/bundle.mjs).
export const DEBIAN_LIBS: string[];
export function writeDebianLibsPackage(dir: string, python: string, count: number): string;
