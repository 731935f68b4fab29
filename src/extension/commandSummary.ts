// What the explain commands return: a plain summary for their callers (the hover's link, tests,
// other extensions). Run from the palette or a key, the summary crosses to the workbench as JSON,
// so its per-element part is bounded whatever the input: a million losses would be 19 MB of JSON
// that nobody reads.

/** The per-element losses a summary carries at most. */
export const SUMMARY_LOSSES = 1_000;

/** The first losses (at most SUMMARY_LOSSES) of `count`, read one at a time, and how many were left out. */
export function summaryLosses(count: number, lossAt: (index: number) => number): { readonly losses: number[]; readonly omitted: number } {
  const kept = Math.min(count, SUMMARY_LOSSES);
  const losses = new Array<number>(kept);
  for (let i = 0; i < kept; i++) losses[i] = lossAt(i);
  return { losses, omitted: count - kept };
}
