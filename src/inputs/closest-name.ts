/**
 * "Did you mean": the known name closest to a misspelt one (a flag, an `INPUT_*` variable).
 * Pure. A name is suggested when it is a few edits away, or when the typed word is one of its
 * dash-separated parts (`--bucket` -> `s3-bucket`); otherwise nothing, rather than a wild guess.
 */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const distance = editDistance(word, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  // Up to a third of the word may be wrong (at least 2 edits: a transposition or a dropped letter).
  // (No name at all leaves bestDistance Infinity.)
  if (bestDistance <= Math.max(2, Math.floor(word.length / 3))) return best;
  return known.find((name) => name.split('-').includes(word));
}

/** Levenshtein distance with transpositions of neighbours (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      // Before the second letter a[i - 2] or b[j - 2] is undefined: no transposition there.
      if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(d);
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Warnings for `INPUT_*` variables that name no input (`with: build-comands:` becomes
 * `INPUT_BUILD-COMANDS`): the runner passes them on and the action would silently ignore them.
 */
export function unknownInputWarnings(
  env: Readonly<Record<string, string | undefined>>,
  known: readonly string[],
): string[] {
  const warnings: string[] = [];
  for (const key of Object.keys(env)) {
    if (!key.startsWith('INPUT_')) continue;
    // @actions/core reads `name` from INPUT_<NAME upper-cased, spaces as _>.
    const name = key.slice('INPUT_'.length).toLowerCase();
    if (known.some((k) => k.replace(/ /g, '_') === name)) continue;
    const guess = closestName(name, known);
    warnings.push(
      `Unknown input '${name}' (${key}) is ignored.${guess ? ` Did you mean '${guess}'?` : ''} The inputs are listed in docs/inputs-outputs.md.`,
    );
  }
  return warnings;
}
