/**
 * The wheel's METADATA fields we generate from inputs (summary, author, requires, the readme as
 * the long description...) are published inside the wheel and as its `.metadata` sidecar, which
 * no redaction may rewrite (pip compares them). So a secret in one is refused before anything is
 * built, naming the input. Pure: the caller hands in the run's redaction.
 */
import { InputError } from '../base/errors.js';
import type { InputName } from './input-spec.js';
import type { Inputs } from './inputs.js';

/** The generated METADATA fields and the input each comes from. */
export function metadataFields(
  inputs: Pick<Inputs, 'name' | 'version' | 'summary' | 'author' | 'license' | 'homePage'> & {
    requires: readonly string[];
    requiresPython?: string;
  },
  description?: string,
): { input: InputName; value: string }[] {
  const fields: { input: InputName; value: string | undefined }[] = [
    { input: 'name', value: inputs.name },
    { input: 'version', value: inputs.version },
    { input: 'summary', value: inputs.summary },
    { input: 'author', value: inputs.author },
    { input: 'license', value: inputs.license },
    { input: 'home-page', value: inputs.homePage },
    ...inputs.requires.map((value) => ({ input: 'requires' as const, value })),
    { input: 'requires-python', value: inputs.requiresPython },
    { input: 'readme', value: description },
  ];
  return fields.filter((field): field is { input: InputName; value: string } => !!field.value);
}

/**
 * Throws for the first field that holds a secret (a value `redact` changes); the message never
 * quotes the value.
 */
export function refuseSecretsInMetadata(
  fields: readonly { input: InputName; value: string }[],
  redact: (text: string) => string,
): void {
  for (const { input, value } of fields) {
    if (redact(value) === value) continue;
    const what = input === 'readme' ? 'the readme file' : 'the value';
    throw new InputError(
      `${what} holds a secret (the value of a credential in the environment, masked in the ` +
        "log); it would be written into the wheel's METADATA, which is published as it is.",
      {
        input,
        fix:
          input === 'readme'
            ? 'remove the secret from the readme file (or point `readme` at another file).'
            : `remove the secret from \`${input}\`; METADATA is public, never put a credential in it.`,
      },
    );
  }
}
