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

/** The report of a walkthrough; every element is listed whatever the walkthrough's own caps. */
export function toJsonReport(w: Walkthrough): JsonReport {
  const r = w.result;
  const o = r.options;
  const elements: JsonElement[] = new Array(r.elementLosses.length);
  for (let i = 0; i < r.elementLosses.length; i++) {
    const d = elementDetail(r, i);
    elements[i] = {
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
