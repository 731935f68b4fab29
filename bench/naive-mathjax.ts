// The baseline the renderer is measured against: MathJax as a first script would use it, with
// every TeX package, no cache and one convert per equation.
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';
import type { DerivationStep, Walkthrough } from '../src/core/types';

export function naiveRenderer(): (tex: string) => string {
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const doc = mathjax.document('', { InputJax: new TeX({ packages: AllPackages }), OutputJax: new SVG({ fontCache: 'local' }) });
  return (tex) => adaptor.outerHTML(doc.convert(tex, { display: true }) as LiteElement);
}

/** Every equation a walkthrough page shows, in page order (a split step shows two). */
export function allEquations(w: Walkthrough): string[] {
  const shown = (s: DerivationStep): string[] => (s.split ? [s.split.general, s.split.numbers] : [s.tex]);
  return [...w.derivations.flatMap((d) => d.steps.flatMap(shown)), ...w.reductionSteps.flatMap(shown)].filter((t) => t !== '');
}
