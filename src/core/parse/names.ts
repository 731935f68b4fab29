// What names and calls mean: which variable names hold targets, predictions, logits or label
// names, which calls build an array from their first argument, and the argument order of the
// loss functions people paste.

export type ArrayRole = 'targets' | 'predictions' | 'logits' | 'labels';

/** How sure a role is: an explicit descriptive name beats an argument position, which beats a one-letter name. */
export type RoleStrength = 1 | 2 | 3;

export interface NamedRole {
  readonly role: ArrayRole;
  readonly strength: RoleStrength;
}

/**
 * Names are compared lower-cased with `_` and `-` removed, so `y_true`, `yTrue` and `Y-TRUE`
 * are one name. The one-letter and two-letter conventions (`y`, `p`, `z`, `gt`) are weaker
 * than descriptive names so that `y = ...` does not win over `targets = ...`.
 *
 * Decisions worth knowing:
 * - `y_score` (scikit-learn) is usually `predict_proba` output, so it is a prediction; if its
 *   values leave [0, 1], 'auto' reads them as logits anyway. `scores` is logits, as specified.
 * - `outputs`/`output` are predictions (often logits in PyTorch; 'auto' catches that by range).
 * - `labels` is targets when it holds numbers and label names when it holds words.
 */
const ROLE_BY_NAME: ReadonlyMap<string, NamedRole> = new Map<string, NamedRole>([
  ...strong('targets', ['targets', 'target', 'ytrue', 'labels', 'truth', 'groundtruth', 'ytest', 'yactual', 'actual', 'actuals', 'ytarget', 'ytargets', 'multiclasslabels', 'trues', 'ys']),
  ...weak('targets', ['y', 'gt', 'label']),
  ...strong('predictions', ['predictions', 'prediction', 'preds', 'pred', 'ypred', 'yhat', 'probs', 'probabilities', 'outputs', 'output', 'yprob', 'yprobs', 'yproba', 'proba', 'predproba', 'ypredproba', 'yscore', 'probas', 'predicted', 'ypredicted', 'sigmoid', 'activations']),
  ...weak('predictions', ['p', 'phat']),
  ...strong('logits', ['logits', 'logit', 'scores', 'ylogits', 'ylogit', 'rawscores', 'zs']),
  ...weak('logits', ['z']),
]);

/** Names whose words are label names; also `labels` when it holds words. */
const LABEL_NAMES: ReadonlySet<string> = new Set(['labels', 'label', 'classes', 'names', 'classnames', 'labelnames', 'targetnames', 'categories', 'tags']);

/** PyTorch calls its prediction argument `input`; as a plain variable name `input` means too many things. */
const KEYWORD_ONLY_ROLE: ReadonlyMap<string, NamedRole> = new Map<string, NamedRole>([
  ['input', { role: 'predictions', strength: 3 }],
]);

function strong(role: ArrayRole, names: readonly string[]): [string, NamedRole][] {
  return names.map((name) => [name, { role, strength: 3 }]);
}

function weak(role: ArrayRole, names: readonly string[]): [string, NamedRole][] {
  return names.map((name) => [name, { role, strength: 1 }]);
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/** The role a name gives to an array holding numbers (`asKeyword`: it was `name=` inside a call). */
export function roleOfNumericName(name: string, asKeyword: boolean): NamedRole | null {
  const key = normalizeName(name);
  return ROLE_BY_NAME.get(key) ?? (asKeyword ? (KEYWORD_ONLY_ROLE.get(key) ?? null) : null);
}

export function isLabelNamesName(name: string): boolean {
  return LABEL_NAMES.has(normalizeName(name));
}

/**
 * Calls whose first argument is the array itself, compared by the last part of the callee
 * lower-cased: `np.array`, `numpy.asarray`, `torch.tensor`, `torch.Tensor`, `tf.constant`,
 * `jnp.array`, the printed forms `tensor(...)` and `array(...)`, `pd.Series`, `Float64Array.from`.
 */
const ARRAY_CONSTRUCTORS: ReadonlySet<string> = new Set([
  'array',
  'asarray',
  'asanyarray',
  'ascontiguousarray',
  'tensor',
  'as_tensor',
  'floattensor',
  'doubletensor',
  'longtensor',
  'inttensor',
  'booltensor',
  'halftensor',
  'constant',
  'convert_to_tensor',
  'variable',
  'tensor1d',
  'tensor2d',
  'float32array',
  'float64array',
  'from',
  'list',
  'tuple',
  'series',
]);

export function isArrayConstructor(lastPart: string): boolean {
  return ARRAY_CONSTRUCTORS.has(lastPart.toLowerCase());
}

/** R's `c(1, 0, 1)`: the arguments themselves are the elements. */
export function isVectorCall(callee: string): boolean {
  return callee === 'c';
}

/**
 * Positional argument roles of loss functions, by the callee's last part lower-cased.
 * PyTorch puts the prediction first (`input, target`); Keras, scikit-learn and TensorFlow put
 * the targets first. Function names are compared with their underscores because
 * `binary_cross_entropy` (PyTorch) and `binary_crossentropy` (Keras) differ only there.
 */
const LOSS_ARGUMENT_ROLES: ReadonlyMap<string, readonly ArrayRole[]> = new Map<string, readonly ArrayRole[]>([
  ['binary_cross_entropy', ['predictions', 'targets']],
  ['bceloss', ['predictions', 'targets']],
  ['binary_cross_entropy_with_logits', ['logits', 'targets']],
  ['bcewithlogitsloss', ['logits', 'targets']],
  ['binary_crossentropy', ['targets', 'predictions']],
  ['binarycrossentropy', ['targets', 'predictions']],
  ['log_loss', ['targets', 'predictions']],
  ['sigmoid_cross_entropy_with_logits', ['targets', 'logits']],
  ['sigmoidcrossentropy', ['targets', 'logits']],
  // Softmax cross entropy: PyTorch input first, Keras, TF and TF.js targets first.
  ['cross_entropy', ['logits', 'targets']],
  ['crossentropyloss', ['logits', 'targets']],
  ['categorical_crossentropy', ['targets', 'predictions']],
  ['categoricalcrossentropy', ['targets', 'predictions']],
  ['sparse_categorical_crossentropy', ['targets', 'predictions']],
  ['sparsecategoricalcrossentropy', ['targets', 'predictions']],
  ['softmax_cross_entropy_with_logits', ['targets', 'logits']],
  ['softmaxcrossentropy', ['targets', 'logits']],
]);

export function lossArgumentRoles(callee: string): readonly ArrayRole[] | null {
  return LOSS_ARGUMENT_ROLES.get(callee.toLowerCase()) ?? null;
}

/**
 * Names of arrays that describe data rather than hold it: `shape=(3,)` in a printed tf.Tensor,
 * `figsize=(8, 6)`, `axis=(0, 1)`. They never fill a role, even when nothing else is named.
 */
const NOT_DATA_NAMES: ReadonlySet<string> = new Set([
  'shape', 'size', 'sizes', 'axis', 'axes', 'dim', 'dims', 'strides', 'figsize', 'xlim', 'ylim', 'bins', 'dtype', 'device', 'kernelsize', 'stride', 'padding',
]);

export function isNotDataName(name: string): boolean {
  return NOT_DATA_NAMES.has(normalizeName(name));
}

/** Words before `(` or `[` that make it a literal, not a call or a subscript (`return [1, 2]`). */
const KEYWORDS: ReadonlySet<string> = new Set([
  'return', 'in', 'and', 'or', 'not', 'is', 'if', 'elif', 'else', 'while', 'for', 'yield', 'await', 'assert',
  'lambda', 'of', 'typeof', 'case', 'do', 'then', 'del', 'with', 'const', 'let', 'var',
]);

export function isKeyword(name: string): boolean {
  return KEYWORDS.has(name);
}

/** Words that may stand before a declared name (`export const x: T = ...`) without ending its place at the start. */
const DECLARATION_WORDS: ReadonlySet<string> = new Set([
  'const', 'let', 'var', 'export', 'declare', 'readonly', 'public', 'private', 'protected', 'static', 'val', 'final', 'global', 'nonlocal',
]);

export function isDeclarationWord(name: string): boolean {
  return DECLARATION_WORDS.has(name);
}
