// Builds a ParsedInput from a small text by hand (the numbers of each named array in order),
// so the derivation tests do not depend on the parser's details.
import type { InputKind, ParsedArray, ParsedInput } from '../../../src/core/types';

function arrayOf(source: string, name: string, shape?: readonly number[]): ParsedArray {
  const start = source.indexOf(`${name} = [`);
  if (start < 0) throw new Error(`fixture: no ${name}`);
  let depth = 0;
  let end = start + name.length + 3;
  for (; end < source.length; end++) {
    const c = source[end];
    if (c === '[') depth++;
    if (c === ']' && --depth === 0) break;
  }
  const values: number[] = [];
  const valueRanges: { start: number; end: number }[] = [];
  const re = /[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;
  re.lastIndex = start + name.length + 3;
  for (let m = re.exec(source); m && m.index < end; m = re.exec(source)) {
    values.push(Number(m[0]));
    valueRanges.push({ start: m.index, end: m.index + m[0].length });
  }
  return { values: Float64Array.from(values), shape: shape ?? [values.length], range: { start, end: end + 1 }, valueRanges, name };
}

export function fixture(
  source: string,
  opts: { inputKind?: InputKind; labels?: readonly string[] | null; shape?: readonly number[]; predictionsName?: string } = {},
): ParsedInput {
  return {
    source,
    targets: arrayOf(source, 'targets', opts.shape),
    predictions: arrayOf(source, opts.predictionsName ?? 'predictions', opts.shape),
    inputKind: opts.inputKind ?? 'probabilities',
    labels: opts.labels ?? null,
    orderAssumed: false,
    notes: [],
  };
}

export const ARTICLE_SOURCE = 'targets = [1, 0, 1]\npredictions = [0.8, 0.3, 0.9]\n';
export const ARTICLE_LABELS = ['car', 'cat', 'dog'] as const;
