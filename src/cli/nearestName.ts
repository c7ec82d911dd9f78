/**
 * The known name nearest to a mistyped one, to suggest in "unknown option" and "unknown command"
 * messages: by edit distance (Levenshtein: insertions, deletions, substitutions), close enough only
 * within a third of the name's length (at least 2 edits), ties to the first in the list. A single
 * letter (`-v`) is too short to measure: it suggests the first long option of the list that starts
 * with that letter (`--version`).
 */

/** The Levenshtein distance between two strings, in one row of memory. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The nearest of `known` to `given`, or undefined when none is close. Names are compared without their leading dashes. */
export function nearestName(given: string, known: readonly string[]): string | undefined {
  const bare = given.replace(/^-+/, '').replace(/=.*$/, '');
  if (bare === '') return undefined;
  if (bare.length === 1) {
    const starting = known.filter((k) => k.replace(/^-+/, '').startsWith(bare) && k.replace(/^-+/, '').length > 1);
    return starting[0];
  }
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(bare.length / 3)) + 1;
  for (const name of known) {
    const distance = editDistance(bare, name.replace(/^-+/, ''));
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}
