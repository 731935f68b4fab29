// The derivation as data: what the walkthrough shows, before any rendering.
export { buildWalkthrough, derivationFor, tableRowFor, NATURAL_LOG_NOTE, naturalLogNote, MAX_COMPARED_ELEMENTS, type WalkthroughLossOptions } from './walkthrough';
export { elementSteps, describeElement, type ElementContext } from './steps';
export { reductionSteps, texSum } from './reduction';
export { formatNumber, formatNumberTex, typedDecimal, oneMinusDecimal, DEFAULT_PRECISION } from './format';
export { texText, texIndex } from './tex';
