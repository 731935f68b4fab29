// Live values: a loss call in a program's text, read in a paused program (see live.ts).
export { recogniseLossCall, literalValue, type LossCall, type LossCallOptions, type LossCallProblem, type LossFramework, type OptionSource } from './call';
export { isSideEffectFree } from './safety';
export { fetchExpression, pythonFetchExpression, javascriptFetchExpression, ANSWER_TAG } from './fetch';
export { parseFetchAnswer, unquoteStringLiteral, computeDtype, dtypeName, nestedText, fetchedValues, type FetchedValue } from './answer';
export {
  planReads,
  assembleLiveInput,
  provenanceNotes,
  compareWithProgram,
  type LiveRead,
  type ReadKey,
  type ReadAnswer,
  type LiveInput,
  type LiveOrigin,
  type ProgramComparison,
} from './live';
export type { CodeLanguage } from './code';
export { readableOutputText } from './outputs';
export { framePath, sameSourceFile } from './place';
