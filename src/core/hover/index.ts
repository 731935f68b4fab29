// The hover's view of the text under the pointer, as data (no vscode, no rendering).
export {
  analyseHover,
  wantsNamedPartner,
  holdsNamedSide,
  bracketDepthAt,
  isInsideBrackets,
  type HoverAnalysis,
  type HoverAnalysisOptions,
  type HoveredArray,
  type PairAnalysis,
  type PairSide,
  type SingleAnalysis,
  type UnreadableAnalysis,
} from './analyse';
export { summariseValues, type ArraySummary, type ValuesLookLike } from './summary';
