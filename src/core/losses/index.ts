// The losses the engine explains, each behind LossDefinition.
export { LOSS_IDS, type LossId, type LossDefinition, type LossSettings, type LossParseOptions } from './definition';
export { bceLoss } from './bce';
export { softmaxCrossEntropyLoss } from './softmax';
