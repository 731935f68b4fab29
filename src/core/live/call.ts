// Which loss a source line calls, and what each argument of the call means. The line is read as
// text (no program runs here): the frameworks' signatures say which argument holds the targets
// (PyTorch takes the input first; Keras, scikit-learn and TF take y_true first), and the options
// come from the call's keywords, from the constructor of a criterion object assigned earlier in
// the text, or, for a PyTorch criterion, from its attributes read at run time.
import * as l10n from '@vscode/l10n';
import type { InputKind, Preset, TextRange } from '../types';
import { blankStringsAndComments, callArguments, compactName, matchingClose, statementsOnLine, type CallArgument, type CodeLanguage } from './code';

export type LossFramework = 'pytorch' | 'keras' | 'sklearn' | 'tfjs';

/** Where an option's value comes from: written in the call, or an expression read at run time. */
export type OptionSource =
  | { readonly kind: 'literal'; readonly value: number | string | boolean | null; readonly text: string }
  | { readonly kind: 'expression'; readonly expression: string };

export interface LossCallOptions {
  readonly reduction?: OptionSource;
  /** PyTorch `weight`, TF.js `weights`. */
  readonly weight?: OptionSource;
  readonly posWeight?: OptionSource;
  readonly labelSmoothing?: OptionSource;
  /** scikit-learn and Keras `sample_weight`. */
  readonly sampleWeight?: OptionSource;
  /** Keras `from_logits` when it is not a literal. */
  readonly fromLogits?: OptionSource;
  /** scikit-learn `normalize`. */
  readonly normalize?: OptionSource;
}

export interface LossCall {
  readonly language: CodeLanguage;
  readonly framework: LossFramework;
  readonly preset: Preset;
  /** From the function's name or a literal from_logits; a non-literal from_logits is in `options.fromLogits`. */
  readonly inputKind: InputKind;
  /** The callee as written: `F.binary_cross_entropy`, `criterion`, `keras.losses.BinaryCrossentropy(...)`. */
  readonly callee: string;
  /** The expressions passed as targets and predictions. */
  readonly targets: string;
  readonly predictions: string;
  readonly options: LossCallOptions;
  /** The name the statement assigns the call's result to (`loss = ...`), or null. */
  readonly assignedTo: string | null;
  /** The criterion object's expression and the line (0-based) of its constructor, when the callee is one. */
  readonly criterion: { readonly expression: string; readonly constructor: string; readonly line: number } | null;
  /** The whole statement, and the call within it. */
  readonly statement: TextRange;
  readonly call: TextRange;
  /** 0-based lines of the statement. */
  readonly startLine: number;
  readonly endLine: number;
}

/** Why a line with something loss-like on it cannot be explained, as a plain sentence. */
export interface LossCallProblem {
  readonly problem: string;
}

interface Signature {
  readonly framework: LossFramework;
  /** Positional parameter names, in order. */
  readonly params: readonly string[];
  readonly targets: string;
  readonly predictions: string;
  readonly inputKind: InputKind;
}

const TORCH_PROBS: Signature = { framework: 'pytorch', params: ['input', 'target', 'weight', 'size_average', 'reduce', 'reduction'], targets: 'target', predictions: 'input', inputKind: 'probabilities' };
const TORCH_LOGITS: Signature = {
  framework: 'pytorch',
  params: ['input', 'target', 'weight', 'size_average', 'reduce', 'reduction', 'pos_weight'],
  targets: 'target',
  predictions: 'input',
  inputKind: 'logits',
};
const KERAS_FUNCTION: Signature = { framework: 'keras', params: ['y_true', 'y_pred', 'from_logits', 'label_smoothing', 'axis'], targets: 'y_true', predictions: 'y_pred', inputKind: 'probabilities' };
const KERAS_OBJECT_CALL: Signature = { framework: 'keras', params: ['y_true', 'y_pred', 'sample_weight'], targets: 'y_true', predictions: 'y_pred', inputKind: 'probabilities' };
const KERAS_CONSTRUCTOR = ['from_logits', 'label_smoothing', 'axis', 'reduction'];
const TORCH_MODULE_CALL = ['input', 'target'];
const SKLEARN: Signature = { framework: 'sklearn', params: ['y_true', 'y_pred'], targets: 'y_true', predictions: 'y_pred', inputKind: 'probabilities' };
const TFJS_METRIC: Signature = { framework: 'tfjs', params: ['yTrue', 'yPred'], targets: 'yTrue', predictions: 'yPred', inputKind: 'probabilities' };
const TFJS_SIGMOID: Signature = {
  framework: 'tfjs',
  params: ['multiClassLabels', 'logits', 'weights', 'labelSmoothing', 'reduction'],
  targets: 'multiClassLabels',
  predictions: 'logits',
  inputKind: 'logits',
};

const CONSTRUCTORS = new Set(['BCELoss', 'BCEWithLogitsLoss', 'BinaryCrossentropy']);

/** The function a callee's last name calls, or null; `dotted` is the whole callee. */
function functionSignature(lastName: string, dotted: string, language: CodeLanguage): Signature | null {
  if (language === 'python') {
    switch (lastName) {
      case 'binary_cross_entropy_with_logits':
        return TORCH_LOGITS;
      case 'binary_cross_entropy':
        return TORCH_PROBS;
      case 'binary_crossentropy':
        return KERAS_FUNCTION;
      case 'log_loss':
        return SKLEARN;
      default:
        return null;
    }
  }
  if (lastName === 'sigmoidCrossEntropy') return TFJS_SIGMOID;
  if (lastName === 'binaryCrossentropy' && /(^|\.)(metrics|losses)\.binaryCrossentropy$/.test(dotted)) return TFJS_METRIC;
  return null;
}

function kerasPreset(dotted: string): Preset {
  return /(^|\.)(tf|tensorflow)\./.test(dotted) ? 'tf-keras' : 'keras';
}

/** Reads a literal argument: numbers, strings, True/False/None (Python) or true/false/null/undefined (JS). */
export function literalValue(text: string): { value: number | string | boolean | null } | null {
  const t = text.trim();
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return { value: Number(t) };
  const quoted = /^(['"])([^'"\\]*)\1$/.exec(t);
  if (quoted) return { value: quoted[2]! };
  switch (t) {
    case 'True':
    case 'true':
      return { value: true };
    case 'False':
    case 'false':
      return { value: false };
    case 'None':
    case 'null':
    case 'undefined':
      return { value: null };
    default:
      break;
  }
  // TF.js's enum, written out: tf.Reduction.SUM.
  const reduction = /(^|\.)Reduction\.([A-Z_]+)$/.exec(t);
  if (reduction) return { value: reduction[2]!.toLowerCase() };
  return null;
}

function source(text: string): OptionSource {
  const literal = literalValue(text);
  return literal ? { kind: 'literal', value: literal.value, text: text.trim() } : { kind: 'expression', expression: text.trim() };
}

/** Binds arguments to parameter names as Python and JS do; null if a spread makes it unknowable. */
function bind(args: readonly CallArgument[], params: readonly string[]): Map<string, string> | null {
  const bound = new Map<string, string>();
  let position = 0;
  for (const arg of args) {
    if (arg.spread) return null;
    if (arg.keyword !== null) bound.set(arg.keyword, arg.text);
    else {
      const name = params[position++];
      if (name !== undefined) bound.set(name, arg.text);
    }
  }
  return bound;
}

interface Constructed {
  readonly name: string;
  /** The constructor's dotted name as written (`nn.BCEWithLogitsLoss`). */
  readonly constructor: string;
  readonly args: readonly CallArgument[];
  readonly offset: number;
}

/** The last `name = X.BCELoss(...)` (or BCEWithLogitsLoss, BinaryCrossentropy) before `before`, per name. */
function criterionAssignments(text: string, code: string, before: number): Map<string, Constructed> {
  const found = new Map<string, Constructed>();
  const pattern = /(?<![\w$.])((?:self|this)?\.?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*(?::\s*[\w.[\], ]+)?=(?!=)\s*((?:[A-Za-z_$][\w$]*\s*\.\s*)*(BCELoss|BCEWithLogitsLoss|BinaryCrossentropy))\s*\(/g;
  for (let m = pattern.exec(code); m && m.index < before; m = pattern.exec(code)) {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(code, open);
    if (close < 0) continue;
    found.set(compactName(m[1]!), { name: compactName(m[1]!), constructor: compactName(m[2]!), args: callArguments(text, code, open, close), offset: m.index });
  }
  return found;
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

interface FoundCall {
  readonly callee: string;
  readonly calleeStart: number;
  readonly open: number;
  readonly close: number;
}

/** Every `dotted.name(...)` in the statement, with a second call right after it (`f(...)(...)`) as its own entry. */
function callsIn(code: string, range: TextRange): FoundCall[] {
  const calls: FoundCall[] = [];
  const pattern = /(?<![\w$.])([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\(/g;
  pattern.lastIndex = range.start;
  for (let m = pattern.exec(code); m && m.index < range.end; m = pattern.exec(code)) {
    const open = m.index + m[0].length - 1;
    const close = matchingClose(code, open, range.end);
    if (close < 0) continue;
    calls.push({ callee: compactName(m[1]!), calleeStart: m.index, open, close });
    // The call on the result: BinaryCrossentropy(from_logits=True)(y, p).
    const after = /^\s*\(/.exec(code.slice(close + 1, range.end));
    if (after) {
      const open2 = close + 1 + after[0].length - 1;
      const close2 = matchingClose(code, open2, range.end);
      if (close2 >= 0) calls.push({ callee: `${compactName(m[1]!)}(…)`, calleeStart: m.index, open: open2, close: close2 });
    }
    // Keep looking inside the arguments too: loss = weight * F.binary_cross_entropy(...).
    pattern.lastIndex = open + 1;
  }
  return calls;
}

function assignedName(code: string, statement: TextRange, calleeStart: number, language: CodeLanguage): string | null {
  const head = code.slice(statement.start, calleeStart);
  const pattern = language === 'python' ? /^([A-Za-z_][\w.]*)\s*(?::[^=]+)?=\s*$/ : /^(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$.]*)\s*(?::[^=]+)?=\s*$/;
  const m = pattern.exec(head.trim() + ' ');
  return m ? m[1]! : null;
}

function optionsFromKeras(bound: ReadonlyMap<string, string>): { inputKind: InputKind; options: LossCallOptions } {
  const fromLogits = bound.get('from_logits');
  const fromLogitsSource = fromLogits !== undefined ? source(fromLogits) : undefined;
  const inputKind: InputKind = fromLogitsSource?.kind === 'literal' && fromLogitsSource.value === true ? 'logits' : 'probabilities';
  const options: { -readonly [K in keyof LossCallOptions]: LossCallOptions[K] } = {};
  if (fromLogitsSource?.kind === 'expression') options.fromLogits = fromLogitsSource;
  const smoothing = bound.get('label_smoothing');
  if (smoothing !== undefined) options.labelSmoothing = source(smoothing);
  const reduction = bound.get('reduction');
  if (reduction !== undefined) options.reduction = source(reduction);
  return { inputKind, options };
}

/**
 * The loss call on line `line` (0-based) of `text`, with the statement around it if it spans
 * lines; null when the line calls no loss this knows. `text` is the whole document, so that a
 * criterion assigned earlier (`criterion = nn.BCEWithLogitsLoss(pos_weight=w)`) is found.
 */
export function recogniseLossCall(text: string, line: number, language: CodeLanguage): LossCall | LossCallProblem | null {
  const code = blankStringsAndComments(text, language);
  for (const statement of statementsOnLine(code, line, language)) {
    const criteria = criterionAssignments(text, code, statement.start);
    for (const call of callsIn(code, statement)) {
      const found = interpret(text, code, call, criteria, language);
      if (found === null) continue;
      if ('problem' in found) return found;
      return {
        ...found,
        language,
        assignedTo: assignedName(code, statement, call.calleeStart, language),
        statement,
        call: { start: call.calleeStart, end: call.close + 1 },
        startLine: lineOf(text, statement.start),
        endLine: lineOf(text, statement.end),
        criterion: found.criterionOffset === null ? null : { ...found.criterionInfo!, line: lineOf(text, found.criterionOffset) },
      };
    }
  }
  return null;
}

type Interpreted = Omit<LossCall, 'language' | 'assignedTo' | 'statement' | 'call' | 'startLine' | 'endLine' | 'criterion'> & {
  readonly criterionOffset: number | null;
  readonly criterionInfo: { readonly expression: string; readonly constructor: string } | null;
};

function roles(bound: ReadonlyMap<string, string> | null, signature: Signature, callee: string): { targets: string; predictions: string } | LossCallProblem {
  if (bound === null) return { problem: l10n.t`The arguments of ${callee} are passed with * or **, so which is the target cannot be told from the text.` };
  const targets = bound.get(signature.targets);
  const predictions = bound.get(signature.predictions);
  if (targets === undefined || predictions === undefined) return { problem: l10n.t`${callee} is called without both its ${signature.predictions} and its ${signature.targets}.` };
  return { targets, predictions };
}

function interpret(text: string, code: string, call: FoundCall, criteria: ReadonlyMap<string, Constructed>, language: CodeLanguage): Interpreted | LossCallProblem | null {
  const args = callArguments(text, code, call.open, call.close);
  const lastName = call.callee.replace(/\(…\)$/, '').split('.').pop() ?? '';
  const none = { criterionOffset: null, criterionInfo: null };

  // An inline constructor called at once: nn.BCELoss()(p, y), keras.losses.BinaryCrossentropy(from_logits=True)(y, z).
  if (call.callee.endsWith('(…)')) {
    if (!CONSTRUCTORS.has(lastName)) return null;
    const ctorOpen = code.indexOf('(', call.calleeStart);
    const ctorArgs = callArguments(text, code, ctorOpen, matchingClose(code, ctorOpen));
    return fromConstructor(call.callee.replace(/\(…\)$/, ''), lastName, ctorArgs, args, call.callee, null, none);
  }

  const signature = functionSignature(lastName, call.callee, language);
  if (signature !== null) {
    const bound = bind(args, signature.params);
    const r = roles(bound, signature, call.callee);
    if ('problem' in r) return r;
    const b = bound!;
    const options: { -readonly [K in keyof LossCallOptions]: LossCallOptions[K] } = {};
    let inputKind = signature.inputKind;
    let preset: Preset;
    switch (signature.framework) {
      case 'pytorch': {
        preset = 'pytorch';
        const weight = b.get('weight');
        if (weight !== undefined) options.weight = source(weight);
        const reduction = b.get('reduction');
        if (reduction !== undefined) options.reduction = source(reduction);
        const posWeight = b.get('pos_weight');
        if (posWeight !== undefined) options.posWeight = source(posWeight);
        break;
      }
      case 'keras': {
        preset = kerasPreset(call.callee);
        const keras = optionsFromKeras(b);
        inputKind = keras.inputKind;
        Object.assign(options, keras.options);
        break;
      }
      case 'sklearn': {
        preset = 'sklearn';
        const sampleWeight = b.get('sample_weight');
        if (sampleWeight !== undefined) options.sampleWeight = source(sampleWeight);
        const normalize = b.get('normalize');
        if (normalize !== undefined) options.normalize = source(normalize);
        break;
      }
      case 'tfjs': {
        preset = 'tfjs';
        const weights = b.get('weights');
        if (weights !== undefined) options.weight = source(weights);
        const smoothing = b.get('labelSmoothing');
        if (smoothing !== undefined) options.labelSmoothing = source(smoothing);
        const reduction = b.get('reduction');
        if (reduction !== undefined) options.reduction = source(reduction);
        break;
      }
    }
    return { framework: signature.framework, preset, inputKind, callee: call.callee, ...r, options, ...none };
  }

  const criterion = criteria.get(call.callee);
  if (criterion === undefined) return null;
  const ctorName = criterion.constructor.split('.').pop() ?? '';
  return fromConstructor(criterion.constructor, ctorName, criterion.args, args, call.callee, criterion, {
    criterionOffset: criterion.offset,
    criterionInfo: { expression: criterion.name, constructor: criterion.constructor },
  });
}

/**
 * A loss object's call: PyTorch modules take (input, target) and keep their options as
 * attributes, read at run time when the object has a name; Keras objects take (y_true, y_pred,
 * sample_weight) and their options come from the constructor's text.
 */
function fromConstructor(
  constructor: string,
  ctorName: string,
  ctorArgs: readonly CallArgument[],
  callArgs: readonly CallArgument[],
  callee: string,
  named: Constructed | null,
  criterion: Pick<Interpreted, 'criterionOffset' | 'criterionInfo'>,
): Interpreted | LossCallProblem {
  if (ctorName === 'BinaryCrossentropy') {
    const bound = bind(callArgs, KERAS_OBJECT_CALL.params);
    const r = roles(bound, KERAS_OBJECT_CALL, callee);
    if ('problem' in r) return r;
    const ctor = bind(ctorArgs, KERAS_CONSTRUCTOR) ?? new Map<string, string>();
    const keras = optionsFromKeras(ctor);
    const sampleWeight = bound!.get('sample_weight');
    const options = { ...keras.options, ...(sampleWeight !== undefined ? { sampleWeight: source(sampleWeight) } : {}) };
    return { framework: 'keras', preset: kerasPreset(constructor), inputKind: keras.inputKind, callee, ...r, options, ...criterion };
  }
  const logits = ctorName === 'BCEWithLogitsLoss';
  const bound = bind(callArgs, TORCH_MODULE_CALL);
  const r = roles(bound, { ...TORCH_PROBS, params: TORCH_MODULE_CALL }, callee);
  if ('problem' in r) return r;
  const options: { -readonly [K in keyof LossCallOptions]: LossCallOptions[K] } = {};
  if (named !== null) {
    // The module's attributes are what forward() uses, whatever the constructor's text said.
    options.weight = { kind: 'expression', expression: `${named.name}.weight` };
    options.reduction = { kind: 'expression', expression: `${named.name}.reduction` };
    if (logits) options.posWeight = { kind: 'expression', expression: `${named.name}.pos_weight` };
  } else {
    const ctor = bind(ctorArgs, logits ? ['weight', 'size_average', 'reduce', 'reduction', 'pos_weight'] : ['weight', 'size_average', 'reduce', 'reduction']);
    if (ctor === null) return { problem: l10n.t`The arguments of ${constructor} are passed with * or **.` };
    const weight = ctor.get('weight');
    if (weight !== undefined) options.weight = source(weight);
    const reduction = ctor.get('reduction');
    if (reduction !== undefined) options.reduction = source(reduction);
    const posWeight = ctor.get('pos_weight');
    if (logits && posWeight !== undefined) options.posWeight = source(posWeight);
  }
  return { framework: 'pytorch', preset: 'pytorch', inputKind: logits ? 'logits' : 'probabilities', callee, ...r, options, ...criterion };
}
