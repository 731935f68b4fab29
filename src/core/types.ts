// The contract between the layers. Everything here is plain data so that a result can cross
// a worker boundary or be written as JSON unchanged. No vscode, no DOM, no Node-only API.

/** Half-open range of UTF-16 offsets into the text that was parsed: [start, end). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export type InputErrorCode =
  | 'no-arrays'
  | 'one-array'
  | 'shape-mismatch'
  | 'ragged'
  | 'prediction-out-of-range'
  | 'target-out-of-range'
  | 'not-finite'
  | 'unbalanced-brackets'
  | 'too-many-numbers'
  | 'syntax'
  /** More unnamed arrays than roles to fill, so which is which cannot be told. */
  | 'ambiguous-arrays'
  | 'bad-option';

/**
 * The one error type of the engine. It is returned as a value (see `Result`) or thrown only
 * by functions documented as throwing it; nothing else ever escapes the core.
 */
export interface InputError {
  readonly kind: 'input-error';
  readonly code: InputErrorCode;
  /** One or two plain sentences: what is wrong, with the index and value where there is one. */
  readonly message: string;
  /** Where in the parsed text, so an editor can select it. */
  readonly range?: TextRange;
  /** What the user probably meant, e.g. "These look like logits: set the input kind to logits." */
  readonly suggestion?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: InputError };

export type InputKind = 'probabilities' | 'logits';
/** `auto`: predictions outside [0, 1] are taken as logits, with a note saying so. */
export type InputKindOption = InputKind | 'auto';

export interface ParseOptions {
  /** How to read the predictions. Default 'auto'. A name such as `logits =` overrides 'auto'. */
  readonly inputKind?: InputKindOption;
  /** Refuse more than this many numbers in all (default 1_000_000). */
  readonly maxNumbers?: number;
  /** Exchange the targets and the predictions after they are decided (the "swap" a role warning offers). */
  readonly swapRoles?: boolean;
}

/** One array found in the text, flattened row-major. */
export interface ParsedArray {
  readonly values: Float64Array;
  /** [n] for one sample, [batch, n] for a batch. */
  readonly shape: readonly number[];
  /** The whole array literal (or call) in the text. */
  readonly range: TextRange;
  /** Where each number stands in the text, in the same order as `values`. */
  readonly valueRanges: readonly TextRange[];
  /** The name it was assigned to, if any (`targets`, `y_pred`, ...). */
  readonly name: string | null;
}

export interface ParsedInput {
  /** The text that was parsed; ranges index into it (the walkthrough reuses the user's digits). */
  readonly source: string;
  /** `source.slice`, without building `source` when the text was given as lines (a hover's paragraph). */
  readonly sliceSource?: (start: number, end: number) => string;
  readonly targets: ParsedArray;
  readonly predictions: ParsedArray;
  /** Resolved: never 'auto'. */
  readonly inputKind: InputKind;
  /** Label names from `labels = [...]` / `classes` / `names`, one per column; null if none. */
  readonly labels: readonly string[] | null;
  /** True when neither names nor values told the roles apart and the first array was taken as targets. */
  readonly orderAssumed: boolean;
  /** Plain sentences for the user: assumptions made (order, auto logits, ...). */
  readonly notes: readonly string[];
  /** Set when the values contradict the roles that names or order forced: every writer shows it. */
  readonly roleWarning?: RoleWarning;
  /** True when `ParseOptions.swapRoles` exchanged the targets and the predictions. */
  readonly rolesSwapped?: boolean;
}

/**
 * The targets are soft, the predictions all 0 or 1, and the pair swapped gives a lower loss:
 * the two were most likely given the wrong way round.
 */
export interface RoleWarning {
  /** One or two plain sentences, with both losses. */
  readonly message: string;
  /** The loss as given and swapped, by PyTorch's BCELoss (mean, nats), whatever the preset. */
  readonly loss: number;
  readonly swappedLoss: number;
}

export type Preset = 'pytorch' | 'pytorch-logits' | 'keras' | 'tf-keras' | 'sklearn' | 'tfjs' | 'exact';
export type Reduction = 'mean' | 'sum' | 'none';
export type LogBase = 'e' | '2' | '10';
export type DType = 'float64' | 'float32';

export interface LossOptions {
  readonly preset: Preset;
  readonly reduction: Reduction;
  readonly input: InputKind;
  /** Per-element weights, broadcast as PyTorch does: one value, one per label (length n) or full (batch*n). */
  readonly weight?: Float64Array | readonly number[];
  /** Positive-term weight per label (logits only): one value, one per label (length n) or full (batch*n). */
  readonly posWeight?: Float64Array | readonly number[];
  /** Keras-style: y' = y(1 - ls) + 0.5 ls. */
  readonly labelSmoothing?: number;
  /** A change of unit only: the framework's rule first, then divide by ln(base). */
  readonly logBase: LogBase;
  readonly dtype: DType;
}

/** Which BCE term survives for an element. */
export type ActiveTerm = 'positive' | 'negative' | 'both';

/**
 * The per-element formula actually applied, resolved from preset and input kind (a PyTorch user
 * with logits calls BCEWithLogitsLoss, so preset 'pytorch' with logits applies 'logits').
 * - 'clamped-log': BCELoss, each log clamped at >= -100.
 * - 'logits': (1-y)z - (1+(pw-1)y) ln σ(z), PyTorch's BCEWithLogitsLoss (also the exact preset's).
 * - 'tf-logits': max(z,0) - zy + ln(1+e^-|z|), TF's sigmoid_cross_entropy_with_logits.
 * - 'clip': Keras 3, p clipped to [ε, 1-ε].
 * - 'clip-plus-epsilon': Keras 2, clipped and ε added inside both logs.
 * - 'two-column-clip': scikit-learn, [1-p, p] each clipped to [eps, 1-eps].
 * - 'sigmoid-two-column-clip': scikit-learn on σ(z) (log_loss takes no logits).
 * - 'clip-to-logit': TF.js, clip, z = ln(p/(1-p)), then the stable logits formula.
 * - 'unguarded-log': the textbook formula with no safeguard; ln 0 = -∞ is possible.
 */
export type LossRule =
  | 'clamped-log'
  | 'logits'
  | 'tf-logits'
  | 'clip'
  | 'clip-plus-epsilon'
  | 'two-column-clip'
  | 'sigmoid-two-column-clip'
  | 'clip-to-logit'
  | 'unguarded-log';

/** What kept a log finite for one element, if anything did. */
export type Safeguard = 'none' | 'clamp-log-100' | 'clip-epsilon' | 'clip-epsilon-plus-epsilon';

/** Everything the walkthrough needs to explain one element. */
export interface ElementDetail {
  /** [i] or [sample, label]. */
  readonly index: readonly number[];
  readonly flatIndex: number;
  readonly label: string | null;
  /** As typed. */
  readonly rawTarget: number;
  /** After label smoothing. */
  readonly target: number;
  /** The probability used: p as typed, or σ(z) for logits. */
  readonly prediction: number;
  /** The probability after the preset's clip (equal to `prediction` when nothing was clipped). */
  readonly clippedPrediction: number;
  readonly logit: number | null;
  readonly active: ActiveTerm;
  /** ln of the positive term's argument (after any clip), in nats; null when its coefficient is 0. */
  readonly logPositive: number | null;
  /** ln of the negative term's argument (after any clip), in nats; null when its coefficient is 0. */
  readonly logNegative: number | null;
  /**
   * The number inside the positive term's log as the framework computes it: p, clip(p), clip(p)+ε
   * or σ(z); null when its coefficient is 0. With 'clamped-log' `logPositive` is the clamped value
   * (-100) while this stays the unclamped argument.
   */
  readonly positiveArgument: number | null;
  /** The number inside the negative term's log: 1-p, 1-clip(p), 1-clip(p)+ε or σ(-z); null when its coefficient is 0. */
  readonly negativeArgument: number | null;
  readonly safeguard: Safeguard;
  readonly weight: number;
  readonly posWeight: number;
  /** This element's loss in the chosen log base, before reduction, its weight applied. */
  readonly loss: number;
  /** ∂(reduced loss)/∂p, in the chosen log base. */
  readonly gradPrediction: number;
  /** ∂(reduced loss)/∂z, in the chosen log base. */
  readonly gradLogit: number;
}

export interface LossResult {
  readonly options: LossOptions;
  readonly shape: readonly number[];
  /** Per-element losses, row-major, in the chosen base, before reduction, weights applied (w·ℓ, as PyTorch's reduction='none'). */
  readonly elementLosses: Float64Array;
  /** One loss per sample (mean over the last axis, as Keras does); 2-D input only. */
  readonly sampleLosses: Float64Array | null;
  /** The reduced loss; for reduction 'none' this is NaN and `elementLosses` is the answer. */
  readonly loss: number;
  /** How many elements a safeguard (clamp or clip) changed. */
  readonly safeguardedCount: number;
  /** Plain sentences: preset rule, base conversion, clamps, float32, ... */
  readonly notes: readonly string[];
  /** The formula applied to every element (from preset and input kind). */
  readonly rule: LossRule;
  /** The targets as given (before label smoothing); the same array that was passed in, not a copy. */
  readonly targets: Float64Array;
  /** The predictions as given: probabilities or logits according to `options.input`; not a copy. */
  readonly predictions: Float64Array;
  /** One name per column (last axis), or null. */
  readonly labels: readonly string[] | null;
  /**
   * What the weighted sum of element losses is divided by to give `loss`: the element count
   * (PyTorch), the sum of weights (scikit-learn), the count of non-zero weights (TF.js with
   * weights), the row length (Keras 'sum' of per-sample means), 1 for 'sum' and 'none'.
   * ∂loss/∂(element loss i) = weight_i / reductionDivisor.
   */
  readonly reductionDivisor: number;
}

/** One line of a derivation: TeX for the eye, a plain sentence for everyone (screen readers too). */
export interface DerivationStep {
  readonly kind:
    | 'formula'
    | 'sigmoid'
    | 'substitute'
    | 'cancel'
    | 'safeguard'
    | 'log'
    | 'negate'
    | 'result'
    | 'base-change'
    | 'gradient'
    | 'average'
    /** Softmax cross entropy: the softmax written out, its log, the term the target picks. */
    | 'softmax'
    | 'log-softmax'
    | 'pick';
  readonly tex: string;
  readonly text: string;
  /**
   * The same content as `tex` in two equations, for a step that applies a general formula to
   * this element's numbers: `general` carries no element subscript, so it is the same TeX on
   * every card and a page typesets it once; `numbers` is this element's part. `generalText`
   * reads `general` aloud. Writers that show `tex` whole may ignore it.
   */
  readonly split?: { readonly general: string; readonly generalText: string; readonly numbers: string };
}

export interface LabelDerivation {
  readonly detail: ElementDetail;
  readonly steps: readonly DerivationStep[];
}

export interface WalkthroughOptions {
  /** Significant digits for computed results (default 6). */
  readonly precision?: number;
  /** Render at most this many per-label derivations (default: all). The table keeps every row. */
  readonly maxDerivations?: number;
  /** Table rows to include (default: all; a million-row table is the caller's choice to cap). */
  readonly maxTableRows?: number;
  /** Compute the same input under each framework for a side-by-side table: five more loss passes, so by default only up to 200,000 elements. */
  readonly compareFrameworks?: boolean;
  /** The why-BCE-not-softmax section (`Walkthrough.whyBce`, default true): a scan of every target, wasted where it is not shown (the hover). */
  readonly explain?: boolean;
}

export interface TableRow {
  readonly index: readonly number[];
  readonly label: string | null;
  /** Numbers as text, the user's own digits where they can be kept. */
  readonly target: string;
  readonly prediction: string;
  readonly logit: string | null;
  readonly loss: string;
}

export interface Walkthrough {
  readonly parsed: ParsedInput;
  readonly result: LossResult;
  readonly table: readonly TableRow[];
  /** Total number of elements (the table or derivations may be capped). */
  readonly elementCount: number;
  readonly derivations: readonly LabelDerivation[];
  /** The reduction written out: general formula, the sum with its terms, the value. */
  readonly reductionSteps: readonly DerivationStep[];
  /** Notes from the parser and the loss, plus the walkthrough's own (e.g. base 10 vs ln). */
  readonly notes: readonly string[];
  /** Significant digits the walkthrough's computed numbers were written with. */
  readonly precision?: number;
  /** The same input under PyTorch, Keras 3, tf.keras, scikit-learn and TF.js; absent when not asked for. */
  readonly frameworks?: FrameworkComparison;
  /** Paragraphs on why these labels need BCE rather than softmax + NLL, with the user's label names. */
  readonly whyBce?: readonly string[];
}

/** One framework's answer on the same input, in a side-by-side comparison. */
export interface FrameworkRow {
  readonly preset: Preset;
  readonly framework: string;
  /** What a user of that framework calls for this kind of input. */
  readonly call: string;
  /** The framework's default dtype, which the row was computed in. */
  readonly dtype: DType;
  /** The reduced loss in the chosen base; NaN for reduction 'none' or when `error` is set. */
  readonly loss: number;
  /** Per-element losses (weights applied), or null when `error` is set. */
  readonly elementLosses: Float64Array | null;
  /** Largest relative difference from PyTorch (reduced loss, or element-wise for 'none'); 0 for PyTorch itself. */
  readonly relativeDifference: number;
  /** True when `relativeDifference` is beyond 1e-6. */
  readonly differs: boolean;
  /** How many elements the framework's clamp or clip changed. */
  readonly safeguardedCount: number;
  /** Plain sentences: the rule, the dtype, the averaging, and why this row differs (or not). */
  readonly explanation: readonly string[];
  /** Why this framework cannot compute it with these options (e.g. pos_weight outside PyTorch); null if it can. */
  readonly error: string | null;
}

export interface FrameworkComparison {
  /** PyTorch first (the reference), then Keras 3, tf.keras, scikit-learn, TF.js. */
  readonly rows: readonly FrameworkRow[];
  /** Plain sentences summing up which frameworks agree and why the others do not. */
  readonly summary: readonly string[];
}
