// The walkthrough as data: the loss computed with the preset's rule, then for each element the
// steps worked by hand, the table, the reduction written out, and the notes.
import * as l10n from '@vscode/l10n';
import { inputError } from '../errors';
import { computeLoss, elementDetail, elementLossAt } from '../loss';
import type {
  LabelDerivation,
  LossOptions,
  LossResult,
  ParsedArray,
  ParsedInput,
  Result,
  TableRow,
  Walkthrough,
  WalkthroughOptions,
} from '../types';
import { valueRange, type ValuePositions } from '../parse/ranges';
import { DEFAULT_PRECISION, formatNumber, typedDecimal } from './format';
import { reductionSteps } from './reduction';
import { elementSteps, type ElementContext } from './steps';
import { compareFrameworks, type ComparisonOptions } from '../teaching/frameworks';
import { whyBceNotNll } from '../teaching/multilabel';

/** The loss options of a walkthrough: the input kind comes from the parsed text. */
export type WalkthroughLossOptions = Omit<LossOptions, 'input'>;

/** Above this many elements the side-by-side comparison is left out unless asked for. */
export const MAX_COMPARED_ELEMENTS = 200_000;

/** The English text of `naturalLogNote()`, kept for callers that imported the constant. */
export const NATURAL_LOG_NOTE =
  'Every framework uses the natural log (ln). A tutorial that shows 0.0969 for −log(0.8) is using base 10: the same loss in another unit, 2.302585 (ln 10) times smaller.';

/** The note on ln, translated when it is asked for: a constant would be fixed before the bundle is configured. */
export function naturalLogNote(): string {
  return l10n.t('Every framework uses the natural log (ln). A tutorial that shows 0.0969 for −log(0.8) is using base 10: the same loss in another unit, 2.302585 (ln 10) times smaller.');
}

/** A number of the parsed text as the user wrote it, when it can be kept; else null. */
function typedText(parsed: ParsedInput, array: ParsedArray, flatIndex: number): string | null {
  // The parser's own positions, when it kept them: `valueRanges` would build one object per number
  // (100,000 of them for a 10-row hover table).
  const positions = array as ParsedArray & Partial<ValuePositions>;
  const range =
    positions.valueStarts !== undefined && positions.valueEnds !== undefined
      ? flatIndex < positions.valueStarts.length ? valueRange(positions as ValuePositions, flatIndex) : undefined
      : array.valueRanges[flatIndex];
  const value = array.values[flatIndex];
  if (range === undefined || value === undefined) return null;
  return typedDecimal(parsed.sliceSource !== undefined ? parsed.sliceSource(range.start, range.end) : parsed.source.slice(range.start, range.end), value);
}

/** The user's options without the ones each framework brings itself (preset, dtype). */
function comparisonOptions(loss: WalkthroughLossOptions): ComparisonOptions {
  const { preset: _preset, dtype: _dtype, ...rest } = loss;
  return rest;
}

function checkOptions(options: WalkthroughOptions): Result<true> {
  const { precision, maxDerivations, maxTableRows } = options;
  if (precision !== undefined && !(Number.isInteger(precision) && precision >= 1 && precision <= 17)) {
    return { ok: false, error: inputError('bad-option', l10n.t`The precision must be a whole number of significant digits from 1 to 17; got ${String(precision)}.`, undefined, l10n.t('Use 6, the default.')) };
  }
  for (const [name, value] of [
    ['maxDerivations', maxDerivations],
    ['maxTableRows', maxTableRows],
  ] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      return { ok: false, error: inputError('bad-option', l10n.t`${name} must be a whole number, 0 or more; got ${String(value)}.`) };
    }
  }
  return { ok: true, value: true };
}

/** What every element of one result shares when its steps are built. */
interface DerivationSetting {
  readonly parsed: ParsedInput;
  readonly result: LossResult;
  readonly precision: number;
}

function weightReader(result: LossResult): (i: number) => number {
  const weight = result.options.weight;
  const count = result.targets.length;
  return (i) => {
    if (weight === undefined || weight.length === 0) return 1;
    return (weight.length === count ? weight[i] : weight[i % weight.length]) ?? 1;
  };
}

function deriveElement(setting: DerivationSetting, i: number): LabelDerivation {
  const { parsed, result, precision } = setting;
  const fmt = (x: number): string => formatNumber(x, precision);
  const detail = elementDetail(result, i);
  const targetTyped = typedText(parsed, parsed.targets, i);
  const inputTyped = typedText(parsed, parsed.predictions, i);
  const ctx: ElementContext = {
    options: result.options,
    rule: result.rule,
    precision,
    targetText: targetTyped ?? fmt(detail.rawTarget),
    targetTyped: targetTyped !== null,
    inputText: inputTyped ?? fmt(parsed.predictions.values[i] ?? NaN),
    inputTyped: inputTyped !== null,
    reductionDivisor: result.reductionDivisor,
    elementCount: result.targets.length,
  };
  return { detail, steps: elementSteps(detail, ctx) };
}

/** One element's row of the table (row-major index `i`). */
function tableRow(setting: DerivationSetting, i: number): TableRow {
  const { parsed, result, precision } = setting;
  const fmt = (x: number): string => formatNumber(x, precision);
  const shape = parsed.predictions.shape;
  const columns = shape[shape.length - 1] ?? result.targets.length;
  const z = parsed.predictions.values[i] ?? NaN;
  const typedInput = typedText(parsed, parsed.predictions, i);
  const logits = parsed.inputKind === 'logits';
  return {
    index: shape.length > 1 ? [Math.floor(i / columns), i % columns] : [i],
    label: parsed.labels?.[i % columns] ?? null,
    target: typedText(parsed, parsed.targets, i) ?? fmt(parsed.targets.values[i] ?? NaN),
    // σ(z) for logits comes from the engine, so the table and the derivation agree.
    prediction: logits ? fmt(elementDetail(result, i).prediction) : (typedInput ?? fmt(z)),
    logit: logits ? (typedInput ?? fmt(z)) : null,
    loss: fmt(elementLossAt(result, i)),
  };
}

/**
 * The table row of any one element of a walkthrough (row-major index, 0 ≤ i < elementCount),
 * whether or not it is among the `maxTableRows` the walkthrough built: a writer that streams
 * every row asks for each in turn, so no list of them is ever held.
 */
export function tableRowFor(w: Walkthrough, flatIndex: number): TableRow {
  const built = w.table[flatIndex];
  if (built !== undefined) return built;
  return tableRow({ parsed: w.parsed, result: w.result, precision: w.precision ?? DEFAULT_PRECISION }, flatIndex);
}

/**
 * The derivation of any one element of a walkthrough (row-major index), whether or not it is among
 * the `maxDerivations` the walkthrough built: the same steps the walkthrough would have given it.
 */
export function derivationFor(w: Walkthrough, flatIndex: number): Result<LabelDerivation> {
  if (!(Number.isInteger(flatIndex) && flatIndex >= 0 && flatIndex < w.elementCount)) {
    return {
      ok: false,
      error: inputError('bad-option', l10n.t`There is no element ${String(flatIndex)}: the input has ${w.elementCount} (numbered from 0 here).`),
    };
  }
  const built = w.derivations[flatIndex];
  if (built !== undefined) return { ok: true, value: built };
  const setting = { parsed: w.parsed, result: w.result, precision: w.precision ?? DEFAULT_PRECISION };
  return { ok: true, value: deriveElement(setting, flatIndex) };
}

export function buildWalkthrough(
  parsed: ParsedInput,
  loss: WalkthroughLossOptions,
  options: WalkthroughOptions = {},
): Result<Walkthrough> {
  const checked = checkOptions(options);
  if (!checked.ok) return checked;
  const precision = options.precision ?? DEFAULT_PRECISION;
  const lossOptions: LossOptions = { ...loss, input: parsed.inputKind };
  const computed = computeLoss(parsed.targets.values, parsed.predictions.values, parsed.predictions.shape, lossOptions, parsed.labels);
  if (!computed.ok) return computed;
  const result = computed.value;
  const count = result.targets.length;

  const weightAt = weightReader(result);
  const weighted = lossOptions.weight !== undefined;

  const shownDerivations = Math.min(count, options.maxDerivations ?? count);
  const derivations: LabelDerivation[] = [];
  const setting: DerivationSetting = { parsed, result, precision };
  for (let i = 0; i < shownDerivations; i++) derivations.push(deriveElement(setting, i));

  const rows = Math.min(count, options.maxTableRows ?? count);
  const table: TableRow[] = [];
  for (let i = 0; i < rows; i++) table.push(tableRow(setting, i));

  const notes = [...parsed.notes, ...result.notes];
  // Five more passes over the data: by default only where that stays cheap.
  const compare = options.compareFrameworks ?? count <= MAX_COMPARED_ELEMENTS;
  if (options.compareFrameworks === undefined && !compare) {
    notes.push(l10n.t`The frameworks are not compared side by side for more than ${MAX_COMPARED_ELEMENTS.toLocaleString('en-US')} elements, as that computes the loss five more times; the loss above is exact.`);
  }
  if (lossOptions.logBase === 'e') notes.push(naturalLogNote());

  return {
    ok: true,
    value: {
      parsed,
      result,
      table,
      elementCount: count,
      derivations,
      reductionSteps: reductionSteps(result, { precision, weightAt, weighted }),
      notes,
      precision,
      ...(compare ? { frameworks: compareFrameworks(parsed, comparisonOptions(loss)) } : {}),
      ...(options.explain === false ? {} : { whyBce: whyBceNotNll(parsed) }),
    },
  };
}
