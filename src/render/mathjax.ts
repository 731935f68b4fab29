// The entry point to TeX → SVG. MathJax is big (about 1.6 MB, mostly glyph paths) and only
// needed when something is shown, so its module is imported on first use: esbuild then keeps
// its evaluation lazy inside the single bundle, and activation stays fast.

export interface MathOptions {
  /** Display style (fractions, sums at full size). Default true. */
  readonly display?: boolean;
  /**
   * Colour written into the SVG. Without it the SVG uses `currentColor` and follows the page;
   * an SVG shown as an image (a `data:` URI in a hover) cannot inherit, so it needs one.
   * Accepted: `#rgb`/`#rrggbb`/`#rrggbbaa`, `rgb(...)`/`rgba(...)` or a colour name.
   */
  readonly color?: string;
  /** Text alternative (`aria-label`); default: the TeX itself. */
  readonly label?: string;
}

export interface MathRenderer {
  /**
   * One self-contained `<svg>` (its glyphs are in its own `<defs>`; no `style` attribute), with
   * `role="img"` and an `aria-label`. Never throws: invalid TeX gives a small SVG with class
   * `lw-math-error` that shows the escaped error message.
   */
  toSvg(tex: string, opts?: MathOptions): string;
  /** MathJax's CSS for SVG output (about 2 KB), to include once per page. */
  styleSheet(): string;
}

let renderer: Promise<MathRenderer> | undefined;

/** The shared renderer, created on first call. */
export function getMathRenderer(): Promise<MathRenderer> {
  renderer ??= import('./mathjax-engine').then((m) => m.createMathRenderer());
  return renderer;
}
