// Rendering of a walkthrough: TeX → SVG, and the HTML, Markdown and LaTeX writers.
// Importing this does not load MathJax; `getMathRenderer()` does, on first call.
export { getMathRenderer, type MathRenderer, type MathOptions } from './mathjax';
export { escapeHtml, escapeTex, escapeMarkdown } from './escape';
export { renderHtmlFragment, renderHtmlPreview, renderHtmlPage, renderDerivationCard, renderDerivationCards, type HtmlPageOptions, type HtmlFragmentOptions } from './html';
export { htmlFragmentChunks, htmlPageChunks } from './html';
export { mathRequests, typesetInTurn, type MathRequest } from './typesetInTurn';
export { heatBand, heatLegend, HEAT_BOUNDS_NATS } from './heatmap';
export { renderMarkdown, markdownChunks } from './markdown';
export { renderLatex, escapeLatexText, latexChunks } from './latex';
export {
  walkthroughTitle,
  sections,
  backpropHeading,
  indexLabel,
  summaryLines,
  tableColumns,
  cardHeading,
  omissionNotes,
  type WriterExtent,
  inputNotes,
  endNotes,
  batchGrid,
  frameworkTable,
  type TableColumn,
  type BatchGrid,
  type GridCell,
  type FrameworkTableRow,
} from './outline';
