// What a hover says about the array under the pointer: the pair it belongs to (so the loss can
// be shown), or, when it has no partner, what the array alone looks like. The text is scanned
// once; the pairing is the parser's own (`resolveArrays`, `validateInput`), so a hover and the
// command agree on which array is which.
import { lossCallFor, type LossCall } from '../softmax/hover';
import type { InputError, InputKindOption, ParsedInput, TextRange } from '../types';
import { findArrays, type ArrayRole, type FoundArray } from '../parse/find';
import { resolveArrays } from '../parse/resolve';
import { validateInput } from '../parse/validate';
import { textOf, type SourceText } from '../parse/text';
import { summariseValues, type ArraySummary } from './summary';

export interface HoverAnalysisOptions {
  readonly inputKind: InputKindOption;
  /** Refuse to read more numbers than this in the text (the parser's own limit by default). */
  readonly maxNumbers?: number;
}

/** The array the pointer rests on. */
export interface HoveredArray {
  readonly range: TextRange;
  readonly name: string | null;
  readonly role: ArrayRole | null;
  /** 3: a descriptive name, 2: its place in a loss call, 1: a one-letter name, 0: none. */
  readonly roleStrength: number;
}

export type PairSide = 'targets' | 'predictions';

export interface PairAnalysis {
  readonly kind: 'pair';
  readonly hovered: HoveredArray;
  /** Which of the two the hovered array is. */
  readonly side: PairSide;
  /** Exactly what `parseInput` gives for the same text. */
  readonly parsed: ParsedInput;
  /** For N×C targets: the loss they call for (softmax CE for one 1 per row), with softmax CE's value. */
  readonly lossCall?: LossCall;
}

export interface SingleAnalysis {
  readonly kind: 'single';
  readonly hovered: HoveredArray;
  readonly summary: ArraySummary;
  /** The side its role asks for as a partner (null when its role is unknown). */
  readonly missing: PairSide | null;
  /** Why no loss can be shown (no partner, shapes differ, a value out of range, ...). */
  readonly problem: Pick<InputError, 'code' | 'message' | 'suggestion'> | null;
  /** When BCE cannot take the pair but softmax cross entropy can (class indices): what it gives. */
  readonly lossCall?: LossCall;
}

/** The text could not be read as a whole (for the hover, only a count over the limit is worth saying). */
export interface UnreadableAnalysis {
  readonly kind: 'unreadable';
  readonly error: InputError;
}

export type HoverAnalysis = PairAnalysis | SingleAnalysis | UnreadableAnalysis;

/** The innermost array of numbers whose text holds `offset` (the character under the pointer). */
function arrayAt(found: readonly FoundArray[], offset: number): FoundArray | null {
  let best: FoundArray | null = null;
  for (const array of found) {
    if (array.range.start <= offset && offset < array.range.end) {
      if (best === null || array.range.end - array.range.start < best.range.end - best.range.start) best = array;
    }
  }
  return best;
}

function sideOfRole(role: ArrayRole | null): PairSide | null {
  if (role === 'targets') return 'targets';
  if (role === 'predictions' || role === 'logits') return 'predictions';
  return null;
}

function otherSide(side: PairSide | null): PairSide | null {
  if (side === null) return null;
  return side === 'targets' ? 'predictions' : 'targets';
}

/**
 * Whether an array is worth a hover: numbers, or a named array whose problem is worth reading.
 * An unnamed list that cannot be read (a comprehension, `[a, b]`) is ordinary code: say nothing.
 */
function worthShowing(array: FoundArray): boolean {
  if (array.content !== 'numbers') return false;
  if (array.problem !== null) return array.role !== null;
  return array.values.length > 0 || array.name !== null;
}

function hoveredOf(array: FoundArray): HoveredArray {
  return { range: array.range, name: array.name, role: array.role, roleStrength: array.roleStrength };
}

function single(array: FoundArray, problem: InputError | null): SingleAnalysis {
  const side = sideOfRole(array.role);
  const own = array.problem;
  const reason = own ?? problem;
  return {
    kind: 'single',
    hovered: hoveredOf(array),
    summary: summariseValues(array.values, array.shape),
    missing: otherSide(side),
    problem: reason === null ? null : { code: reason.code, message: reason.message, ...(reason.suggestion !== undefined ? { suggestion: reason.suggestion } : {}) },
  };
}

/**
 * The analysis for the character at `offset` of `source`; null when that character is not
 * inside an array worth a hover. Never throws. `source` may be lines (see LineText), read
 * without joining them; the analysis is the same.
 */
export function analyseHover(source: SourceText, offset: number, options: HoverAnalysisOptions): HoverAnalysis | null {
  const found = findArrays(typeof source === 'string' ? source : source.lines, options.maxNumbers !== undefined ? { maxNumbers: options.maxNumbers } : undefined);
  if (!found.ok) return { kind: 'unreadable', error: found.error };
  const hovered = arrayAt(found.value, offset);
  if (hovered === null || !worthShowing(hovered)) return null;

  const resolved = resolveArrays(source, found.value);
  if (!resolved.ok) return single(hovered, resolved.error);
  const { targets, predictions } = resolved.value;
  const side: PairSide | null = hovered === targets ? 'targets' : hovered === predictions ? 'predictions' : null;
  // Another array took the role this one could have had: this one is not part of the loss here.
  if (side === null) return single(hovered, null);
  const parsed = validateInput(source, resolved.value, options.inputKind);
  const maxNumbers = options.maxNumbers;
  if (!parsed.ok) {
    const call = lossCallFor(textOf(source), options.inputKind, maxNumbers);
    return call !== null ? { ...single(hovered, parsed.error), lossCall: call } : single(hovered, parsed.error);
  }
  const call = parsed.value.targets.shape.length === 2 && (parsed.value.targets.shape[1] as number) >= 2 ? lossCallFor(textOf(source), options.inputKind, maxNumbers) : null;
  return { kind: 'pair', hovered: hoveredOf(hovered), side, parsed: parsed.value, ...(call !== null ? { lossCall: call } : {}) };
}

/** Whether `analysis` is an array that knows by its name which partner it wants but found none. */
export function wantsNamedPartner(analysis: HoverAnalysis | null): PairSide | null {
  if (analysis?.kind !== 'single' || analysis.problem?.code !== 'one-array') return null;
  return analysis.hovered.roleStrength === 2 ? null : analysis.missing;
}

/** Whether `text` holds a usable array whose name (or place in a loss call) gives it the `side` role. */
export function holdsNamedSide(text: string, side: PairSide, options?: Pick<HoverAnalysisOptions, 'maxNumbers'>): boolean {
  const found = findArrays(text, options?.maxNumbers !== undefined ? { maxNumbers: options.maxNumbers } : undefined);
  if (!found.ok) return false;
  return found.value.some((a) => a.content === 'numbers' && a.problem === null && a.values.length > 0 && sideOfRole(a.role) === side);
}

/**
 * How deep inside `[ ]` or `( )` the character at `offset` of one line is, counted without
 * parsing (strings are not skipped): enough to decide whether a line too long to read is worth
 * a word under the pointer.
 */
export function bracketDepthAt(line: string, offset: number): number {
  let depth = 0;
  const end = Math.min(offset, line.length);
  for (let i = 0; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c === 91 || c === 40) depth++;
    else if ((c === 93 || c === 41) && depth > 0) depth--;
  }
  return depth;
}

/**
 * Whether the character at `offset` sits between brackets, counting those opened before the
 * text begins: a closer after it with no opener is one (the text may start mid-array).
 */
export function isInsideBrackets(text: string, offset: number): boolean {
  if (bracketDepthAt(text, offset) > 0) return true;
  let depth = 0;
  for (let i = Math.max(0, offset); i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 40) depth++;
    else if (c === 93 || c === 41) {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}
