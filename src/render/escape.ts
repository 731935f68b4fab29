// Escaping for each format user text can land in. Label names, and anything else the user
// typed, are data: none of these outputs lets them become markup, a macro or math.
import { controlsToSpaces, texText } from '../core/derivation/tex';

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Safe in HTML text and in quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * User text as a math-mode TeX fragment that prints it literally (MathJax, KaTeX, LaTeX).
 * The derivation builds its equations with this, so it lives in the core.
 */
export const escapeTex: (s: string) => string = texText;

/**
 * Safe as inline Markdown text (CommonMark, GitHub, VS Code's preview): ASCII punctuation
 * that could start emphasis, links, code, math or a table cell is backslash-escaped, and the
 * characters that could start raw HTML or an entity become entities.
 */
export function escapeMarkdown(s: string): string {
  return controlsToSpaces(s)
    .replace(/[\\`*_{}[\]#|~$^]/g, (c) => `\\${c}`)
    // At the start of a block these would make a list, a rule or a heading underline.
    .replace(/^(\s*)(\d+)([.)])(?=\s|$)/, '$1$2\\$3')
    .replace(/^(\s*)([-=+])(?=[\s=-]|$)/, '$1\\$2')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
