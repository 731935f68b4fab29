// Teaching material beyond one element's derivation: frameworks side by side, and why BCE.
export { compareFrameworks, relativeDifference, COMPARED_PRESETS, RELATIVE_TOLERANCE, type ComparisonOptions } from './frameworks';
export { whyBceNotNll } from './multilabel';
