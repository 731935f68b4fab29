// Softmax cross entropy: framework-exact loss, its walkthrough as data, which loss fits, JSON.
export { computeSoftmaxLoss, resolveSoftmaxRule, softmaxAveraging, ignoreIndexOf } from './compute';
export { parseSoftmaxInput, type SoftmaxParseOptions } from './parse';
export { SOFTMAX_PRESETS, SOFTMAX_PRESET_IDS, SOFTMAX_KERAS_EPSILON, type SoftmaxPresetInfo } from './presets';
export { whichLossFits, compareWithBce, type LossFit, type LossComparison, type TargetPattern } from './fit';
export { buildSoftmaxWalkthrough, DEFAULT_SOFTMAX_DERIVATIONS, MAX_CLASSES_SHOWN, type SoftmaxWalkthrough, type SoftmaxWalkthroughOptions } from './walkthrough';
export { toSoftmaxJsonReport, type SoftmaxJsonReport } from './report';
export type * from './types';
