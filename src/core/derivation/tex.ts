// Every piece of user text that reaches an equation goes through `texText`. The output is
// meant for math mode and must be read the same way by MathJax, KaTeX (VS Code's Markdown
// preview, GitHub) and LaTeX (amsmath), so it only uses macros all three define
// (`\lt`/`\gt` are provided by the LaTeX writer's preamble).

/** Control characters (newlines included) as spaces: they would end a line of TeX or Markdown, or be invisible. */
export function controlsToSpaces(s: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

/** Longest label shown inside an equation; the table keeps the full text. */
const MAX_TEX_LABEL = 60;

// Characters with a meaning in TeX or in the formats the TeX is embedded in (`<`, `>` would
// be raw HTML in Markdown). Each becomes a macro that prints it and nothing else.
const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\backslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\hat{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\sim{}',
  '<': '\\lt{}',
  '>': '\\gt{}',
};

/**
 * A math-mode TeX fragment that shows `s` literally: safe runs go in `\text{...}` and every
 * special character becomes a printing macro, so no input can close a group, start a macro
 * (`\def`, `\href`) or leave math mode.
 */
export function texText(s: string): string {
  let text = controlsToSpaces(s);
  const chars = Array.from(text);
  if (chars.length > MAX_TEX_LABEL) text = chars.slice(0, MAX_TEX_LABEL - 1).join('') + '…';
  let out = '';
  let run = '';
  for (const ch of text) {
    const macro = SPECIAL[ch];
    if (macro === undefined) {
      run += ch;
      continue;
    }
    if (run) out += `\\text{${run}}`;
    run = '';
    out += macro;
  }
  if (run) out += `\\text{${run}}`;
  return out;
}

/** A subscript for an element index: 1-based, `1` or `2,3` for [sample, label]. */
export function texIndex(index: readonly number[]): string {
  return index.map((i) => String(i + 1)).join(',');
}
