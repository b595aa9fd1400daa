// The tool's version comes from package.json, inlined by the bundler (one source for the fact).
import packageJson from '../../package.json' with { type: 'json' };

/** This tool's version, written into each wheel's `Generator:` line and each receipt. */
export const TOOL_VERSION: string = packageJson.version;
export const GENERATOR = `algorithmia-wheel ${TOOL_VERSION}`;
