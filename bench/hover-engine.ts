// What the hover bench times, in one entry that bench/hover.ts bundles with esbuild as the
// extension ships (ES2022, MathJax from its TypeScript sources), rather than running the sources
// through tsx.
export { getMathRenderer } from '../src/render/mathjax';
export { commandUri, hoverFormulaTex, pairHoverMarkdown, svgDataUri, formulaColor } from '../src/render/hover';
export { planHover, showHover } from '../src/extension/hover/plan';
export { HoverMemo } from '../src/extension/hover/memo';
export { HOVER_EXPLAIN_COMMAND } from '../src/extension/hover/link';
export { explainSource } from '../src/extension/walkthrough/explain';
export { locateAroundCursor } from '../src/extension/walkthrough/locateInput';
