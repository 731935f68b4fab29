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
  /**
   * A renderer for equations that go into one HTML document: their glyphs are not repeated in
   * every SVG but referenced, and `defs()` gives them once (a 20-label page is about a third of
   * the size). The document must contain `defs()` for its equations to show.
   */
  page(): MathPage;
}

export interface MathPage {
  /** Like `MathRenderer.toSvg` (no colour: the equations follow the page's text colour), glyphs by reference. */
  toSvg(tex: string, opts?: Omit<MathOptions, 'color'>): string;
  /**
   * A hidden `<svg>` defining every glyph the equations rendered through this page so far use;
   * '' when there are none. Glyph ids name the glyph itself, so two of these in one document
   * (the page's and a card added later) define the same ids identically and do not conflict.
   */
  defs(): string;
}

let renderer: Promise<MathRenderer> | undefined;

/** The shared renderer, created on first call. */
export function getMathRenderer(): Promise<MathRenderer> {
  renderer ??= import('./mathjax-engine').then((m) => m.createMathRenderer());
  return renderer;
}
