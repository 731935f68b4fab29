// A recognised loss call → what to read from the paused program, and the program's answers →
// the walkthrough's input (text for the parser, the preset and options the call asked for),
// plus the sentences that say where each number came from and how the program's own loss
// compares. Pure: the debug adapter is the extension's business.
import * as l10n from '@vscode/l10n';
import { inputError } from '../errors';
import { formatNumber } from '../derivation/format';
import { parseInput } from '../parse';
import { formatShape } from '../parse/text';
import type { DType, InputKind, InputKindOption, LossResult, ParsedInput, Preset, Reduction, Result, Walkthrough } from '../types';
import { computeDtype, dtypeName, fetchedValues, nestedText, parseFetchAnswer, unquoteStringLiteral, type FetchedValue } from './answer';
import type { LossCall, OptionSource } from './call';
import { literalValue } from './call';
import { fetchExpression } from './fetch';
import { isSideEffectFree } from './safety';

export type ReadKey = 'targets' | 'predictions' | 'weight' | 'posWeight' | 'sampleWeight' | 'reduction' | 'labelSmoothing' | 'fromLogits' | 'normalize' | 'program';

/** One value to read from the paused frame. */
export interface LiveRead {
  readonly key: ReadKey;
  /** The program's expression, as written. */
  readonly expression: string;
  /** What is sent to the adapter: the array fetch expression, or the expression itself for a plain value. */
  readonly evaluate: string;
  readonly how: 'array' | 'value';
  /** False: evaluating it could run code, so the person must confirm first. */
  readonly safe: boolean;
  /** A value that may be missing without failing the walkthrough (the program's own loss). */
  readonly optional: boolean;
}

const ARRAY_KEYS: ReadonlySet<ReadKey> = new Set<ReadKey>(['targets', 'predictions', 'weight', 'posWeight', 'sampleWeight', 'program']);

/**
 * The reads a call needs. `programHasRun`: the paused frame is past the call's statement, so the
 * name it assigned holds this call's result (not a previous iteration's, nor nothing).
 */
export function planReads(call: LossCall, limit: number, programHasRun: boolean): LiveRead[] {
  const reads: LiveRead[] = [];
  const add = (key: ReadKey, expression: string, optional = false) => {
    const how = ARRAY_KEYS.has(key) ? 'array' : 'value';
    reads.push({
      key,
      expression,
      evaluate: how === 'array' ? fetchExpression(expression, call.language, limit) : expression,
      how,
      safe: isSideEffectFree(expression, call.language),
      optional,
    });
  };
  add('targets', call.targets);
  add('predictions', call.predictions);
  for (const key of ['weight', 'posWeight', 'sampleWeight', 'reduction', 'labelSmoothing', 'fromLogits', 'normalize'] as const) {
    const option = call.options[key];
    if (option?.kind === 'expression') add(key, option.expression);
  }
  if (programHasRun && call.assignedTo !== null) add('program', call.assignedTo, true);
  return reads;
}

/** What one read answered: the adapter's raw `result` text, or its error message. */
export type ReadAnswer = { readonly ok: true; readonly result: string } | { readonly ok: false; readonly message: string };

export interface LiveInput {
  /** Text the parser reads: `targets = [...]` and `predictions = [...]` (or `logits = [...]`). */
  readonly source: string;
  readonly parsed: ParsedInput;
  readonly preset: Preset;
  readonly inputKind: InputKind;
  readonly reduction: Reduction;
  readonly weight?: readonly number[];
  readonly posWeight?: readonly number[];
  readonly labelSmoothing?: number;
  readonly dtype: DType;
  /** The program's dtype names, for the provenance lines. */
  readonly dtypes: { readonly targets: string; readonly predictions: string };
  readonly shapes: { readonly targets: readonly number[]; readonly predictions: readonly number[] };
  /** The program's own value of the call, when it could be read. */
  readonly program: { readonly values: readonly number[]; readonly dtype: string; readonly expression: string } | null;
  /** Plain sentences on what was assumed or read. */
  readonly notes: readonly string[];
}

/**
 * Some adapters answer a failed evaluate with success and the exception as the result (debugpy's
 * clipboard context gives `NameError("name 'x' is not defined")`): that is a failure too, or a
 * missing option would silently fall back to its default.
 */
const EXCEPTION_RESULT = /^['"]?(?:[A-Z]\w*(?:Error|Exception)\(|(?:ReferenceError|TypeError|SyntaxError|RangeError|Error): )/;

function asFailure(answer: ReadAnswer | undefined): ReadAnswer | undefined {
  return answer?.ok && EXCEPTION_RESULT.test(answer.result.trim()) ? { ok: false, message: answer.result.trim() } : answer;
}

function fail(message: string, suggestion?: string): Result<never> {
  return { ok: false, error: inputError('bad-option', message, undefined, suggestion) };
}

function scalarOf(raw: string): number | string | boolean | null | undefined {
  const unquoted = unquoteStringLiteral(raw);
  const literal = literalValue(unquoted === raw ? raw : JSON.stringify(unquoted));
  if (literal) return literal.value;
  // tensor(0.1000) or tf.Tensor(0.1, shape=(), ...): the first number inside.
  const number = /^[\w.]*\(\s*([-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)/.exec(raw.trim());
  return number ? Number(number[1]) : undefined;
}

function reductionOf(value: number | string | boolean | null | undefined, call: LossCall): Reduction | null {
  if (call.framework === 'tfjs' && typeof value === 'number') return (['none', 'mean', 'sum', 'mean'] as const)[value] ?? null;
  if (call.framework === 'keras' && value === null) return 'none';
  switch (value) {
    case 'mean':
    case 'sum_over_batch_size':
    case 'auto':
    case 'sum_by_nonzero_weights':
    case 'elementwise_mean':
      return 'mean';
    case 'sum':
      return 'sum';
    case 'none':
      return 'none';
    default:
      return null;
  }
}

/** Weights the preset broadcasts (one, one per label, or one per element); [batch, 1] per-sample weights are spread over each row. */
function broadcastWeights(values: Float64Array, shape: readonly number[], predictionShape: readonly number[]): number[] {
  const columns = predictionShape.length > 1 ? predictionShape[predictionShape.length - 1]! : 1;
  const rows = predictionShape.length > 1 ? predictionShape.slice(0, -1).reduce((a, b) => a * b, 1) : 0;
  const perSample = predictionShape.length > 1 && columns > 1 && values.length === rows && (shape.length === 1 || shape[shape.length - 1] === 1);
  if (!perSample || values.length === columns) return Array.from(values);
  const full: number[] = [];
  for (const w of values) for (let j = 0; j < columns; j++) full.push(w);
  return full;
}

/** Turns the answers into the walkthrough's input. `answers` has one entry per read of `planReads`. */
export function assembleLiveInput(
  call: LossCall,
  reads: readonly LiveRead[],
  answers: ReadonlyMap<ReadKey, ReadAnswer>,
  limit: number,
  /** 'auto' for arrays chosen without a call (Use as Targets/Predictions): the parser decides from the values. */
  inputKindOption?: InputKindOption,
): Result<LiveInput> {
  const notes: string[] = [];
  const arrays = new Map<ReadKey, Extract<FetchedValue, { kind: 'array' }>>();
  const values = new Map<ReadKey, number | string | boolean | null | undefined>();
  for (const read of reads) {
    const answer = asFailure(answers.get(read.key));
    if (answer === undefined || !answer.ok) {
      if (read.optional) continue;
      return fail(
        l10n.t`Evaluating ${read.expression} in the paused program failed: ${answer?.ok === false ? answer.message : l10n.t('no answer')}`,
        l10n.t('Check that the frame in the Call Stack view is the one where these names exist.'),
      );
    }
    if (read.how === 'value') {
      values.set(read.key, scalarOf(answer.result));
      continue;
    }
    const parsed = parseFetchAnswer(answer.result, read.expression, limit);
    if (!parsed.ok) {
      if (read.optional) continue;
      return parsed;
    }
    if (parsed.value.kind === 'array') arrays.set(read.key, parsed.value);
    else if (read.key === 'targets' || read.key === 'predictions') return fail(l10n.t`${read.expression} is None (or null) in the paused program: there is nothing to explain.`);
  }
  const targets = arrays.get('targets')!;
  const predictions = arrays.get('predictions')!;
  if (targets === undefined || predictions === undefined) return fail(l10n.t('The targets and the predictions could not both be read.'));

  const option = (key: ReadKey, written: OptionSource | undefined): number | string | boolean | null | undefined =>
    written === undefined ? undefined : written.kind === 'literal' ? written.value : values.get(key);

  let inputKind = call.inputKind;
  const fromLogits = option('fromLogits', call.options.fromLogits);
  if (fromLogits === true) inputKind = 'logits';

  let reduction: Reduction = 'mean';
  const reductionValue = option('reduction', call.options.reduction);
  if (reductionValue !== undefined) {
    const r = reductionOf(reductionValue, call);
    if (r === null) return fail(l10n.t`The reduction ${String(reductionValue)} is not one the walkthrough knows (mean, sum or none).`);
    reduction = r;
  }
  if (call.framework === 'sklearn' && option('normalize', call.options.normalize) === false) reduction = 'sum';

  const dtype = computeDtype(predictions.dtype);
  const predictionsName = dtypeName(predictions.dtype);
  if (predictionsName === 'float16' || predictionsName === 'bfloat16') {
    notes.push(l10n.t`The program's predictions are ${predictionsName}; no preset computes in half precision, so the walkthrough computes in float32 and the last digits may differ from the program's.`);
  } else {
    notes.push(l10n.t`Computed in ${dtype}, the dtype of the program's predictions (${predictionsName}).`);
  }
  if (call.assignedTo !== null && !reads.some((r) => r.key === 'program')) {
    notes.push(l10n.t`The program has not run this line yet in this frame, so ${call.assignedTo} is not its result: step over the line and update the walkthrough to see the program's own value beside it.`);
  }

  const role = inputKind === 'logits' ? 'logits' : 'predictions';
  const source = `targets = ${nestedText(targets)}\n${role} = ${nestedText(predictions)}\n`;
  const parsed = parseInput(source, { inputKind: inputKindOption ?? inputKind, maxNumbers: Math.max(limit, targets.count + predictions.count) });
  if (!parsed.ok) return parsed;
  const predictionShape = parsed.value.predictions.shape;

  const weights: { weight?: number[]; posWeight?: number[] } = {};
  for (const key of ['weight', 'sampleWeight', 'posWeight'] as const) {
    const written = call.options[key];
    if (written === undefined) continue;
    const expression = written.kind === 'literal' ? written.text : written.expression;
    let read: number[] | null = null;
    if (written.kind === 'literal') {
      if (typeof written.value === 'number') read = [written.value];
      else if (written.value !== null) return fail(l10n.t`${expression} is not a number or an array of weights.`);
    } else {
      const fetched = arrays.get(key);
      if (fetched !== undefined) {
        const v = fetchedValues(fetched, expression);
        if (!v.ok) return v;
        read = key === 'posWeight' ? Array.from(v.value) : broadcastWeights(v.value, fetched.shape, predictionShape);
      }
    }
    if (read === null) continue;
    if (key === 'posWeight') weights.posWeight = read;
    else weights.weight = read;
  }

  let labelSmoothing: number | undefined;
  const smoothing = option('labelSmoothing', call.options.labelSmoothing);
  if (smoothing !== undefined && smoothing !== null) {
    if (typeof smoothing !== 'number') return fail(l10n.t`label_smoothing is ${String(smoothing)}, not a number.`);
    if (smoothing !== 0) labelSmoothing = smoothing;
  }

  let program: LiveInput['program'] = null;
  const programArray = arrays.get('program');
  if (programArray !== undefined && call.assignedTo !== null) {
    const v = fetchedValues(programArray, call.assignedTo);
    if (v.ok) program = { values: Array.from(v.value), dtype: programArray.dtype, expression: call.assignedTo };
  }

  return {
    ok: true,
    value: {
      source,
      parsed: parsed.value,
      preset: call.preset,
      inputKind: parsed.value.inputKind,
      reduction,
      ...weights,
      ...(labelSmoothing !== undefined ? { labelSmoothing } : {}),
      dtype,
      dtypes: { targets: targets.dtype, predictions: predictions.dtype },
      shapes: { targets: targets.shape, predictions: predictions.shape },
      program,
      notes,
    },
  };
}

/** Where the numbers came from: a debug session's paused frame. */
export interface LiveOrigin {
  readonly session: string;
  readonly frame: string;
  /** `train.py:42`, the frame's place. */
  readonly place: string;
}

/** The provenance sentences, first in the walkthrough's notes. */
export function provenanceNotes(origin: LiveOrigin, call: LossCall, input: LiveInput, callPlace: string): string[] {
  const lines = [
    l10n.t`Values read from the debug session ${origin.session}, frame ${origin.frame} at ${origin.place}, for the call ${call.callee}(…) at ${callPlace}.`,
    l10n.t`Targets: ${call.targets} (${dtypeName(input.dtypes.targets)}, shape ${formatShape(input.shapes.targets)}). Predictions: ${call.predictions} (${dtypeName(input.dtypes.predictions)}, shape ${formatShape(input.shapes.predictions)}).`,
  ];
  const read = (Object.entries(call.options) as [string, OptionSource | undefined][])
    .filter(([, s]) => s !== undefined)
    .map(([name, s]) => (s!.kind === 'expression' ? l10n.t`${name} from ${s!.expression}` : l10n.t`${name} = ${s!.text} as written`));
  if (read.length > 0) lines.push(l10n.t`Options: ${read.join('; ')}.`);
  return [...lines, ...input.notes];
}

/** Relative tolerance of a value computed in `dtype` over many elements. */
function tolerance(programDtype: string): number {
  switch (dtypeName(programDtype)) {
    case 'bfloat16':
      return 3e-2;
    case 'float16':
      return 4e-3;
    case 'float64':
      return 1e-12;
    default:
      return 1e-5;
  }
}

export interface ProgramComparison {
  /** "your program: 0.693147, this walkthrough: 0.693147" */
  readonly line: string;
  readonly differs: boolean;
  /** Why they differ, when they do. */
  readonly reason: string | null;
}

/** The program's value beside the walkthrough's: a scalar against the loss, a vector against per-sample or per-element losses. */
export function compareWithProgram(program: NonNullable<LiveInput['program']>, walkthrough: Walkthrough, precision: number): ProgramComparison | null {
  const result = walkthrough.result;
  const mine = walkthroughValues(result, program.values.length);
  if (mine === null) return null;
  const tol = tolerance(program.dtype);
  let worst = 0;
  for (let i = 0; i < mine.length; i++) {
    const a = program.values[i]!;
    const b = mine[i]!;
    const d = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-12);
    if (!(d <= tol)) worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  }
  const show = (xs: ArrayLike<number>) => (xs.length === 1 ? formatNumber(xs[0]!, precision) : `[${Array.from(xs).slice(0, 4).map((x) => formatNumber(x, precision)).join(', ')}${xs.length > 4 ? ', …' : ''}]`);
  const line = l10n.t`your program: ${show(program.values)}, this walkthrough: ${show(mine)} (${program.expression}).`;
  if (worst === 0) return { line, differs: false, reason: null };
  const options = result.options;
  const matching = walkthrough.frameworks?.rows.find((row) => row.error === null && Math.abs(row.loss - program.values[0]!) <= tol * Math.abs(program.values[0]!) && program.values.length === 1);
  const reason = matching
    ? l10n.t`They differ beyond ${dtypeName(program.dtype)} rounding. ${matching.framework}'s rule gives the program's value: the program computes as ${matching.call} does, not as the ${options.preset} preset with these options.`
    : l10n.t`They differ beyond ${dtypeName(program.dtype)} rounding: the walkthrough used the ${options.preset} preset, reduction ${options.reduction}, ${options.input}${options.weight ? ', weights' : ''}${options.posWeight ? ', pos_weight' : ''}; the program used another option, or changed the arrays after the call.`;
  return { line, differs: true, reason };
}

function walkthroughValues(result: LossResult, length: number): ArrayLike<number> | null {
  if (length === 1 && !Number.isNaN(result.loss)) return [result.loss];
  if (result.sampleLosses !== null && length === result.sampleLosses.length) return result.sampleLosses;
  if (length === result.targets.length) return result.elementLosses;
  return null;
}
