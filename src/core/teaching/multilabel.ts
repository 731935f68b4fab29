// Why a multi-label problem is scored with one sigmoid and one BCE term per label, not with a
// softmax and the negative log likelihood of one true class, told with the user's own labels and
// targets. Plain text only: each writer escapes it for its format.
import * as l10n from '@vscode/l10n';
import { isNamed } from '../derivation/steps';
import { quoteText } from '../parse/text';
import type { ParsedInput } from '../types';

/** A label's name in quotes, or "label j" (1-based) when it has none. */
function nameOf(labels: readonly string[] | null, column: number): string {
  const label = labels?.[column];
  return label !== undefined && isNamed(label) ? l10n.t`“${quoteText(label)}”` : l10n.t`label ${column + 1}`;
}

/** Names listed in full up to here; a 500,000-label sample would otherwise write every name. */
const MAX_LISTED = 6;

/** "a, b and c"; past MAX_LISTED, "a, b, … and 99 more". */
function listText(columns: readonly number[], name: (c: number) => string): string {
  if (columns.length > MAX_LISTED + 1) {
    return l10n.t`${columns.slice(0, MAX_LISTED).map(name).join(', ')} and ${columns.length - MAX_LISTED} more`;
  }
  const items = columns.map(name);
  if (items.length <= 1) return items[0] ?? '';
  return l10n.t`${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** The sample with the most labels present (the clearest case for independent labels), and those labels. */
function richestSample(parsed: ParsedInput, columns: number): { sample: number; present: number[]; absent: number[] } {
  const targets = parsed.targets.values;
  const rows = Math.max(1, Math.floor(targets.length / columns));
  let best = { sample: 0, present: [] as number[], absent: [] as number[] };
  for (let r = 0; r < rows; r++) {
    const present: number[] = [];
    const absent: number[] = [];
    for (let c = 0; c < columns; c++) ((targets[r * columns + c] ?? 0) >= 0.5 ? present : absent).push(c);
    if (r === 0 || present.length > best.present.length) best = { sample: r, present, absent };
  }
  return best;
}

/**
 * Paragraphs (plain sentences) on why BCE, not softmax + NLL, scores these targets: the first
 * speaks about the user's own labels, the rest explain the two models in their terms.
 */
export function whyBceNotNll(parsed: ParsedInput): string[] {
  const shape = parsed.targets.shape;
  const columns = shape[shape.length - 1] ?? parsed.targets.values.length;
  const labels = parsed.labels;
  if (columns === 1) {
    const only = nameOf(labels, 0);
    return [
      l10n.t`There is one label, ${only}, so each sample asks a single yes/no question. Binary cross entropy is exactly the negative log likelihood of that yes/no answer: a softmax over the two outcomes [1 − ŷ, ŷ] would give the same number, so here the two views agree.`,
      l10n.t('They part ways as soon as there are several labels that can be true together; then each label needs its own sigmoid and its own BCE term.'),
    ];
  }
  const name = (c: number): string => nameOf(labels, c);
  const { sample, present, absent } = richestSample(parsed, columns);
  const where = shape.length > 1 ? l10n.t`In sample ${sample + 1},` : l10n.t('Here');
  let first: string;
  if (present.length >= 2) {
    const absentText =
      absent.length === 0
        ? ''
        : absent.length === 1
          ? l10n.t` while ${listText(absent, name)} is absent`
          : l10n.t` while ${listText(absent, name)} are absent`;
    const presentList = listText(present, name);
    first =
      present.length === 2
        ? l10n.t`${where} ${presentList} are both present (y = 1)${absentText}. Several labels can be true at once, so this is a multi-label problem: ${columns} separate yes/no questions, not one question with ${columns} possible answers.`
        : l10n.t`${where} ${presentList} are all present (y = 1)${absentText}. Several labels can be true at once, so this is a multi-label problem: ${columns} separate yes/no questions, not one question with ${columns} possible answers.`;
  } else if (present.length === 1) {
    first = l10n.t`${where} only ${name(present[0] ?? 0)} is present (y = 1), but nothing ties the labels together: ${name(0)} and ${name(1)} could both be present in another sample. So these are ${columns} separate yes/no questions, not one question with ${columns} possible answers.`;
  } else {
    first = l10n.t`${where} no label is present (every y = 0). A softmax cannot say that: it must share all its probability among ${listText(Array.from({ length: columns }, (_, c) => c), name)}. These are ${columns} separate yes/no questions, each of which can be no.`;
  }
  const a = name(present[0] ?? 0);
  const b = name(present[1] ?? (present[0] === 0 ? 1 : 0));
  return [
    first,
    l10n.t`A softmax makes the ${columns} probabilities add up to 1, so raising the probability of ${a} must lower that of ${b}, even when both are there. Negative log likelihood then scores only the probability of one true class, −ln p(true class); with more than one true label there is no single class to pick, and with none there is no class at all.`,
    l10n.t(
      'Binary cross entropy instead gives each label its own sigmoid, σ(z) between 0 and 1 and independent of the others, and its own term −[y ln ŷ + (1 − y) ln(1 − ŷ)]: a present label is rewarded for a high ŷ, an absent one for a low ŷ. The loss averages these per-label terms, which is what the steps above compute.',
    ),
    l10n.t('When exactly one label is true in every sample (single-label classification), softmax with negative log likelihood (categorical cross entropy) is the right tool.'),
  ];
}
