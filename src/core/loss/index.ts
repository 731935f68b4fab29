// The loss engine: framework-exact binary cross entropy, its per-element detail and gradients.
export { computeLoss } from './compute';
export { elementDetail, elementLossAt, gradients, type Gradients } from './detail';
export { PRESETS, KERAS_EPSILON, TORCH_LOG_FLOOR, TORCH_GRAD_EPSILON, type PresetInfo } from './presets';
export { resolveRule, averagingOf, type Averaging } from './plan';
