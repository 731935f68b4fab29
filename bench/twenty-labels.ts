// The fixed 20-label input that the cold-render and whole-process benches share, so that the
// CLI and the naive script render the very same page.
const labels = Array.from({ length: 20 }, (_, i) => `label${i + 1}`);

export const TWENTY_LABEL_TEXT =
  `labels = [${labels.join(', ')}]\n` +
  `targets = [${labels.map((_, i) => i % 2).join(', ')}]\n` +
  `predictions = [${labels.map((_, i) => ((i * 37) % 97 + 1) / 100).join(', ')}]`;
