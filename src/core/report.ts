// The JSON contract of the CLI (documented in the README). Others build on it, so its field
// names are fixed here in one place and never derived from internal types.
import { elementDetail } from './loss';
import type { Walkthrough } from './types';

/** Non-finite numbers become strings, since JSON has no Infinity or NaN. */
export type JsonNumber = number | 'Infinity' | '-Infinity' | 'NaN';
export type NestedNumbers = JsonNumber | NestedNumbers[];

export interface JsonElement {
  readonly index: number[];
  readonly label: string | null;
  readonly target: JsonNumber;
  readonly prediction: JsonNumber;
  readonly logit: JsonNumber | null;
  readonly loss: JsonNumber;
  readonly gradPrediction: JsonNumber;
  readonly gradLogit: JsonNumber;
  readonly clamped: boolean;
}

export interface JsonReport {
  readonly loss: NestedNumbers;
  readonly reduction: string;
  readonly preset: string;
  readonly input: string;
  readonly logBase: string;
  readonly shape: number[];
  readonly elements: JsonElement[];
  readonly sampleLosses?: JsonNumber[];
  readonly notes: string[];
  /** Present only when there is one: the targets and predictions look swapped (see ParsedInput.roleWarning). */
  readonly warnings?: string[];
}

export function jsonNumber(x: number): JsonNumber {
  if (Number.isFinite(x)) return x;
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'Infinity' : '-Infinity';
}

function nest(values: Float64Array, shape: readonly number[]): NestedNumbers {
  if (shape.length <= 1) return Array.from(values, jsonNumber);
  const columns = shape[shape.length - 1] ?? values.length;
  const rows: NestedNumbers[] = [];
  for (let start = 0; start < values.length; start += columns) rows.push(Array.from(values.subarray(start, start + columns), jsonNumber));
  return rows;
}

function jsonElement(r: Walkthrough['result'], i: number): JsonElement {
  const d = elementDetail(r, i);
  return {
    index: [...d.index],
    label: d.label,
    target: jsonNumber(d.target),
    prediction: jsonNumber(d.prediction),
    logit: d.logit === null ? null : jsonNumber(d.logit),
    loss: jsonNumber(d.loss),
    gradPrediction: jsonNumber(d.gradPrediction),
    gradLogit: jsonNumber(d.gradLogit),
    clamped: d.safeguard !== 'none',
  };
}

function reportWith(w: Walkthrough, elements: JsonElement[]): JsonReport {
  const r = w.result;
  const o = r.options;
  return {
    loss: o.reduction === 'none' ? nest(r.elementLosses, r.shape) : jsonNumber(r.loss),
    reduction: o.reduction,
    preset: o.preset,
    input: o.input,
    logBase: o.logBase,
    shape: [...r.shape],
    elements,
    ...(r.sampleLosses !== null ? { sampleLosses: Array.from(r.sampleLosses, jsonNumber) } : {}),
    notes: [...w.notes],
    ...(w.parsed.roleWarning !== undefined ? { warnings: [w.parsed.roleWarning.message] } : {}),
  };
}

/** The report of a walkthrough; every element is listed whatever the walkthrough's own caps. */
export function toJsonReport(w: Walkthrough): JsonReport {
  const count = w.result.targets.length;
  const elements: JsonElement[] = new Array(count);
  for (let i = 0; i < count; i++) elements[i] = jsonElement(w.result, i);
  return reportWith(w, elements);
}

/**
 * The report as `JSON.stringify(toJsonReport(w), null, 2)` writes it, plus a final newline, in
 * chunks, element by element: no list of a million element objects is ever held.
 */
export function* jsonReportChunks(w: Walkthrough): Generator<string> {
  const count = w.result.targets.length;
  const frame = JSON.stringify(reportWith(w, []), null, 2);
  const slot = '"elements": []';
  const at = frame.indexOf(slot);
  if (count === 0 || at < 0) {
    yield `${frame}\n`;
    return;
  }
  yield `${frame.slice(0, at)}"elements": [\n`;
  for (let i = 0; i < count; i++) {
    // Each element one level deeper than the array, as JSON.stringify would indent it.
    const text = JSON.stringify(jsonElement(w.result, i), null, 2).replace(/\n/g, '\n    ');
    yield `    ${text}${i + 1 < count ? ',\n' : '\n'}`;
  }
  yield `  ]${frame.slice(at + slot.length)}\n`;
}
