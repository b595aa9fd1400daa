// Types for eslint.config.mjs, so __tests__/layers.test.ts can hold the import graph to its wings.
/** The wings of src/, highest first: a wing imports only itself and the wings after it. */
export const WINGS: readonly string[];
declare const config: unknown;
export default config;
