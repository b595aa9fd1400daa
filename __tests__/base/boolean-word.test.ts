import { describe, expect, it } from 'vitest';
import { booleanWord } from '../../src/base/boolean-word.js';
import { getInputs } from '../../src/inputs/inputs.js';
import { resolveArtifactName } from '../../src/publish/artifact/artifact-plan.js';

describe('booleanWord: the one reading of a yes/no input', () => {
  it.each(['true', 'True', 'TRUE', ' tRuE '])('%j is true', (word) => {
    expect(booleanWord(word)).toBe(true);
  });
  it.each(['false', 'False', 'FALSE', '\tfalse\n'])('%j is false', (word) => {
    expect(booleanWord(word)).toBe(false);
  });
  it.each(['', 'yes', 'no', '1', '0', 'on', 'truee', 'false-ish'])('%j is neither', (word) => {
    expect(booleanWord(word)).toBeUndefined();
  });

  it('is the reading of every place that takes true/false', () => {
    // A boolean input, artifact-name and license-files agree on what `false` is.
    for (const word of ['False', 'FALSE', ' false ']) {
      const inputs = getInputs(
        (name) =>
          ({
            'package-dir': 'p',
            version: '1',
            's3-index': word,
            'artifact-name': word,
            'license-files': word,
          })[name as string] ?? '',
        { GITHUB_WORKSPACE: '/ws' },
      );
      expect(inputs.licenseFiles).toEqual([]);
      expect(inputs.artifact).toBeUndefined();
      expect(resolveArtifactName(word, 'a-1-py3-none-any.whl')).toBeUndefined();
    }
  });
});
