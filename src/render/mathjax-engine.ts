// The only module that imports mathjax-full. Load it through `getMathRenderer` (dynamic
// import) so that MathJax is evaluated on first use, not when the extension activates.
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import type { LiteElement } from 'mathjax-full/js/adaptors/lite/Element.js';
import type { MathOptions, MathPage, MathRenderer } from './mathjax';
import { escapeHtml } from './escape';

/** Equations repeat a lot (the general formula once per label); beyond this the cache restarts. */
const CACHE_LIMIT = 5000;

const COLOR = /^(#[0-9a-fA-F]{3,8}|rgba?\([0-9.,%\s]+\)|[a-zA-Z]{1,30})$/;

class TexError extends Error {}

/** What a document's equations reference: `<use xlink:href="#MJX-TEX-I-1D466">`. */
const GLYPH_REF = /xlink:href="#(MJX-[^"]+)"/g;

interface PageEntry {
  readonly svg: string;
  /** Ids of the glyphs `svg` references, each once. */
  readonly glyphs: readonly string[];
}

export function createMathRenderer(): MathRenderer {
  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const document = (fontCache: 'local' | 'global') => {
    const tex = new TeX({
      packages: ['base', 'ams'],
      // Errors come back to us instead of becoming red MathJax markup with inline styles.
      formatError: (_jax: unknown, err: { message: string }) => {
        throw new TexError(err.message);
      },
    });
    const output = new SVG({ fontCache });
    return { doc: mathjax.document('', { InputJax: tex, OutputJax: output }), output };
  };
  // 'local': each SVG carries the glyphs it uses, so it renders wherever it is placed (a hover
  // image, a coloured SVG). 'global': glyphs are referenced and written once per page. Each is
  // created on first use: the CLI's page never needs the first, a hover never the second.
  let localDoc: ReturnType<typeof document> | undefined;
  let globalDoc: ReturnType<typeof document> | undefined;
  const local = () => (localDoc ??= document('local'));
  const global = () => (globalDoc ??= document('global'));
  const cache = new Map<string, string>();
  const pageCache = new Map<string, PageEntry>();
  /** Every glyph the global document has drawn, id → path; MathJax appends each new one to its defs. */
  const glyphPaths = new Map<string, string>();
  let css: string | undefined;

  function stripStyles(node: LiteElement): void {
    // The panel's Content Security Policy refuses style attributes; nothing here needs them
    // (vertical-align only matters for inline math, which the walkthrough does not use).
    adaptor.removeAttribute(node, 'style');
    for (const child of adaptor.childNodes(node)) {
      if (adaptor.kind(child) !== '#text' && adaptor.kind(child) !== '#comment') stripStyles(child as LiteElement);
    }
  }

  /** The SVG without its text alternative (added per call, so one equation read differently is still rendered once). */
  function render(doc: ReturnType<typeof document>['doc'], source: string, display: boolean, color: string | undefined): string {
    let container: LiteElement;
    try {
      container = doc.convert(source, { display }) as LiteElement;
    } catch (e) {
      return errorSvg(e instanceof Error ? e.message : String(e), source);
    }
    const svgNode = adaptor.firstChild(container) as LiteElement;
    stripStyles(svgNode);
    if (color) {
      for (const g of adaptor.childNodes(svgNode)) {
        if (adaptor.kind(g) === 'g') {
          adaptor.setAttribute(g as LiteElement, 'fill', color);
          adaptor.setAttribute(g as LiteElement, 'stroke', color);
        }
      }
    }
    return adaptor.outerHTML(svgNode);
  }

  function collectNewGlyphs(): void {
    const defs = global().output.fontCache.getCache() as LiteElement;
    const paths = adaptor.childNodes(defs);
    for (let i = glyphPaths.size; i < paths.length; i++) {
      const path = paths[i] as LiteElement;
      glyphPaths.set(String(adaptor.getAttribute(path, 'id')), String(adaptor.getAttribute(path, 'd')));
    }
  }

  function renderForPage(source: string, display: boolean): PageEntry {
    const key = `${display ? 'D' : 'I'}\u0000${source}`;
    let entry = pageCache.get(key);
    if (entry === undefined) {
      const svg = render(global().doc, source, display, undefined);
      collectNewGlyphs();
      entry = { svg, glyphs: [...new Set(Array.from(svg.matchAll(GLYPH_REF), (m) => m[1] ?? ''))] };
      if (pageCache.size >= CACHE_LIMIT) pageCache.clear();
      pageCache.set(key, entry);
    }
    return entry;
  }

  return {
    toSvg(source: string, opts: MathOptions = {}): string {
      const display = opts.display ?? true;
      const color = opts.color !== undefined && COLOR.test(opts.color) ? opts.color : undefined;
      const key = `${display ? 'D' : 'I'}\u0000${color ?? ''}\u0000${source}`;
      let svgText = cache.get(key);
      if (svgText === undefined) {
        svgText = render(local().doc, source, display, color);
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, svgText);
      }
      return labelled(svgText, opts.label ?? source);
    },
    styleSheet(): string {
      // The same CSS for either font cache; taken from the document a page uses.
      const { output, doc } = global();
      css ??= adaptor.textContent(output.styleSheet(doc) as LiteElement);
      return css;
    },
    page(): MathPage {
      const used = new Set<string>();
      return {
        toSvg(source: string, opts: Omit<MathOptions, 'color'> = {}): string {
          const entry = renderForPage(source, opts.display ?? true);
          for (const id of entry.glyphs) used.add(id);
          return labelled(entry.svg, opts.label ?? source);
        },
        defs(): string {
          if (used.size === 0) return '';
          // Ids and paths come from MathJax's font data, never from the user.
          const paths = [...used].map((id) => `<path id="${id}" d="${glyphPaths.get(id) ?? ''}"></path>`).join('');
          return `<svg class="lw-glyphs" xmlns="http://www.w3.org/2000/svg" width="0" height="0" display="none" aria-hidden="true" focusable="false"><defs>${paths}</defs></svg>`;
        },
      };
    },
  };
}

/** The SVG with its text alternative; an error SVG already says what went wrong, in its own label. */
function labelled(svgText: string, label: string): string {
  if (svgText.startsWith('<svg class="lw-math-error"') || !svgText.startsWith('<svg ')) return svgText;
  // The lite adaptor leaves `<` and `>` raw in attribute values; ours are fully escaped.
  // Concatenated, not passed to replace(): there `$&` or `$'` in a label would paste the SVG
  // itself, quotes included, into the attribute.
  return `<svg aria-label="${escapeHtml(label)}" ${svgText.slice('<svg '.length)}`;
}

function errorSvg(message: string, source: string): string {
  const text = `TeX error: ${message}`;
  const width = Math.min(2000, 16 + text.length * 8);
  return (
    `<svg class="lw-math-error" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(`${text} in ${source}`)}"` +
    ` width="${width}" height="24" viewBox="0 0 ${width} 24">` +
    `<text x="4" y="17" fill="currentColor" font-family="monospace" font-size="13">${escapeHtml(text)}</text></svg>`
  );
}
