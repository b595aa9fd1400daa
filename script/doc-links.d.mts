// Types for script/doc-links.mjs, so __tests__/docs/docs-pages.test.ts can import its pure functions.
export function githubSlug(heading: string): string;
export function headingAnchors(markdown: string): Set<string>;
export function markdownLinks(markdown: string): { target: string; line: number }[];
export function fencedBlocks(markdown: string): { language: string; text: string; line: number }[];
export function isExternal(target: string): boolean;
export function brokenLinks(
  pages: Record<string, string>,
  exists: (path: string) => boolean,
): string[];
