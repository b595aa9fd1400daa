/** This tool's version, written into each wheel's `Generator:` line (kept equal to package.json). */
export const TOOL_VERSION = '0.1.0';
export const GENERATOR = `algorithmia-wheel ${TOOL_VERSION}`;
