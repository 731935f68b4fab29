// Rendering of a walkthrough: TeX → SVG, and the HTML, Markdown and LaTeX writers.
// Importing this does not load MathJax; `getMathRenderer()` does, on first call.
export { getMathRenderer, type MathRenderer, type MathOptions } from './mathjax';
export { escapeHtml, escapeTex, escapeMarkdown } from './escape';
export { renderHtmlFragment, renderHtmlPage, type HtmlPageOptions } from './html';
export { renderMarkdown } from './markdown';
export { renderLatex, escapeLatexText } from './latex';
export { TITLE, indexLabel, summaryLines, tableColumns, cardHeading, omissionNotes, type TableColumn } from './outline';
