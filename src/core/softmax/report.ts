// The CLI's JSON for softmax cross entropy: BCE's contract (../report.ts) field for field, so a
// reader of one reads the other, plus what only softmax has: the loss function, the target kind,
// per sample the probabilities (the softmax) and ∂L/∂z.
import { jsonNumber, type JsonElement, type JsonNumber, type NestedNumbers } from '../report';
import { ignoreIndexOf } from './compute';
import { SOFTMAX_PRESETS } from './presets';
import type { SoftmaxWalkthrough } from './walkthrough';

export interface SoftmaxJsonReport {
  readonly lossFunction: 'softmax-ce';
  readonly loss: NestedNumbers;
  readonly reduction: string;
  readonly preset: string;
  readonly input: string;
  readonly logBase: string;
  readonly dtype: string;
  /** [N, C]. */
  readonly shape: number[];
  readonly targetKind: string;
  /** One per (sample, class), row-major: that class's term of the sample loss. */
  readonly elements: JsonElement[];
  /** Per sample, before reduction, with the preset's weights. */
  readonly sampleLosses: JsonNumber[];
  readonly sampleWeights: JsonNumber[];
  /** Per sample, the probabilities the loss used (the softmax of the logits). */
  readonly probabilities: JsonNumber[][];
  /** Per sample, ∂(reduced loss)/∂z. */
  readonly gradLogits: JsonNumber[][];
  readonly reductionDivisor: JsonNumber;
  readonly whichLoss?: { readonly calls: string; readonly pattern: string; readonly reason: string; readonly bceLoss: JsonNumber };
  readonly notes: string[];
}

function rows(values: Float64Array, classes: number): JsonNumber[][] {
  const out: JsonNumber[][] = [];
  for (let start = 0; start < values.length; start += classes) out.push(Array.from(values.subarray(start, start + classes), jsonNumber));
  return out;
}

export function toSoftmaxJsonReport(w: SoftmaxWalkthrough): SoftmaxJsonReport {
  const r = w.result;
  const o = r.options;
  const [samples, classes] = r.shape;
  const inside = o.weight !== undefined && SOFTMAX_PRESETS[o.preset].classWeightInside;
  const ignore = ignoreIndexOf(o);
  const lnBase = o.logBase === '2' ? Math.LN2 : o.logBase === '10' ? Math.LN10 : 1;
  const elements: JsonElement[] = [];
  for (let n = 0; n < samples; n++) {
    const ignored = r.targetKind === 'indices' && r.targets[n] === ignore;
    for (let c = 0; c < classes; c++) {
      const i = n * classes + c;
      const y = r.smoothedTargets[i] as number;
      const weight = inside ? (o.weight?.[c] as number) : o.weight !== undefined ? (r.sampleWeights[n] as number) : 1;
      const a = ignored ? 0 : y * weight;
      const p = r.probabilities[i] as number;
      const scale = o.reduction === 'mean' ? r.reductionDivisor : 1;
      elements.push({
        index: [n, c],
        label: r.labels?.[c] ?? null,
        target: jsonNumber(y),
        prediction: jsonNumber(p),
        logit: o.input === 'logits' ? jsonNumber(r.predictions[i] as number) : null,
        loss: jsonNumber(a === 0 ? 0 : (-a * (r.logProbabilities[i] as number)) / lnBase),
        gradPrediction: jsonNumber(a === 0 ? 0 : -a / p / scale / lnBase),
        gradLogit: jsonNumber(r.gradLogits[i] as number),
        clamped: false,
      });
    }
  }
  const c = w.comparison;
  return {
    lossFunction: 'softmax-ce',
    loss: o.reduction === 'none' ? Array.from(r.sampleLosses, jsonNumber) : jsonNumber(r.loss),
    reduction: o.reduction,
    preset: o.preset,
    input: o.input,
    logBase: o.logBase ?? 'e',
    dtype: o.dtype,
    shape: [samples, classes],
    targetKind: r.targetKind,
    elements,
    sampleLosses: Array.from(r.sampleLosses, jsonNumber),
    sampleWeights: Array.from(r.sampleWeights, jsonNumber),
    probabilities: rows(r.probabilities, classes),
    gradLogits: rows(r.gradLogits, classes),
    reductionDivisor: jsonNumber(r.reductionDivisor),
    ...(c !== null ? { whichLoss: { calls: c.fit.calls, pattern: c.fit.pattern, reason: c.fit.sentence, bceLoss: jsonNumber(c.bceLoss) } } : {}),
    notes: [...w.input.notes, ...r.notes],
  };
}
