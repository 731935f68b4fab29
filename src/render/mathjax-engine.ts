// The only module that imports mathjax-full. Load it through `getMathRenderer` (dynamic
// import) so that MathJax is evaluated on first use, not when the extension activates.
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import { STATE, type MathItem } from 'mathjax-full/js/core/MathItem.js';
import type { MmlNode, TextNode } from 'mathjax-full/js/core/MmlTree/MmlNode.js';
import type { LiteElement, LiteNode } from 'mathjax-full/js/adaptors/lite/Element.js';
import type { MathOptions, MathPage, MathRenderer } from './mathjax';
import { escapeHtml } from './escape';
import { numberTemplate } from './tex-numbers';

/** Equations repeat a lot (the general formula once per label); beyond this the cache restarts. */
const CACHE_LIMIT = 5000;

const COLOR = /^(#[0-9a-fA-F]{3,8}|rgba?\([0-9.,%\s]+\)|[a-zA-Z]{1,30})$/;

/** A parsed shape holds MathJax's tree, about 25 KB: a page uses tens of them, so this bounds memory, not hits. */
const SHAPE_LIMIT = 1000;

const UNUSED_ATTRIBUTES = ['data-c', 'data-mjx-texclass'];

/** The MathML kinds MathJax's stylesheet selects by (`g[data-mml-node="mtable"] > g > svg`, …). */
const STYLED_KINDS = new Set(['merror', 'mtable', 'maction']);

class TexError extends Error {}

/** What a document's equations reference: `<use href="#MJX-TEX-I-1D466">`. */
const GLYPH_REF = /href="#(MJX-[^"]+)"/g;

interface PageEntry {
  readonly svg: string;
  /** Ids of the glyphs `svg` references, each once. */
  readonly glyphs: readonly string[];
}

type LiteMathItem = MathItem<unknown, unknown, unknown>;

/** An equation shape parsed once: its math item, and the `<mn>` texts that hold its numbers. */
interface ParsedShape {
  readonly item: LiteMathItem;
  readonly numbers: readonly TextNode[];
}

export interface MathRendererOptions {
  /**
   * Parse an equation's shape once and fill in each equation's numbers (tex-numbers.ts), rather
   * than parse every equation. Default true; false renders each equation from its TeX alone.
   */
  readonly reuseParsedShapes?: boolean;
}

export function createMathRenderer(options: MathRendererOptions = {}): MathRenderer {
  const reuseParsedShapes = options.reuseParsedShapes ?? true;
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
    const doc = mathjax.document('', { InputJax: tex, OutputJax: output });
    return { doc, output, shapes: new Map<string, ParsedShape | null>() };
  };
  type MathDoc = ReturnType<typeof document>;
  // 'local': each SVG carries the glyphs it uses, so it renders wherever it is placed (a hover
  // image, a coloured SVG). 'global': glyphs are referenced and written once per page. Each is
  // created on first use: the CLI's page never needs the first, a hover never the second.
  let localDoc: MathDoc | undefined;
  let globalDoc: MathDoc | undefined;
  const local = () => (localDoc ??= document('local'));
  const global = () => (globalDoc ??= document('global'));
  const cache = new Map<string, string>();
  const pageCache = new Map<string, PageEntry>();
  /** Every glyph the global document has drawn, id → path; MathJax appends each new one to its defs. */
  const glyphPaths = new Map<string, string>();
  let css: string | undefined;

  function styledByMathJax(node: LiteElement): boolean {
    return STYLED_KINDS.has(String(adaptor.getAttribute(node, 'data-mml-node')));
  }

  /**
   * Trims MathJax's SVG to what draws it. A page holds thousands of these elements, and the
   * webview parses every one (the 20-label page's body: 672 KB and 11,853 elements untrimmed,
   * 506 KB and 8,135 trimmed).
   * - The panel's Content Security Policy refuses style attributes; nothing here needs them
   *   (vertical-align only matters for inline math, which the walkthrough does not use).
   * - MathJax's notes of each glyph's character, each node's TeX class and each node's MathML
   *   kind serve its own menus and explorer, which the walkthrough does not load. The kinds its
   *   stylesheet selects by stay, and their direct children keep their shape.
   * - `href` instead of `xlink:href`: SVG 2, in every browser VS Code runs in.
   * - A group without attributes gives way to its children, and a group that only moves one
   *   glyph gives its move to the glyph: the same drawing with fewer elements.
   */
  function slim(node: LiteElement, restructure: boolean): void {
    adaptor.removeAttribute(node, 'style');
    for (const name of UNUSED_ATTRIBUTES) adaptor.removeAttribute(node, name);
    if (!styledByMathJax(node)) adaptor.removeAttribute(node, 'data-mml-node');
    if (adaptor.hasAttribute(node, 'xlink:href')) {
      adaptor.setAttribute(node, 'href', String(adaptor.getAttribute(node, 'xlink:href')));
      adaptor.removeAttribute(node, 'xlink:href');
    }
    adaptor.removeAttribute(node, 'xmlns:xlink');
    const kept: LiteNode[] = [];
    for (const child of node.children) {
      if (adaptor.kind(child) === '#text' || adaptor.kind(child) === '#comment') {
        kept.push(child);
        continue;
      }
      const element = child as LiteElement;
      slim(element, element.kind === 'g' && !styledByMathJax(element));
      if (restructure && element.kind === 'g') {
        const attributes = adaptor.allAttributes(element);
        if (attributes.length === 0) {
          kept.push(...element.children);
          continue;
        }
        const only = element.children.length === 1 ? element.children[0] : undefined;
        if (attributes.length === 1 && attributes[0]!.name === 'transform' && only && adaptor.kind(only) === 'use' && !adaptor.hasAttribute(only as LiteElement, 'transform')) {
          adaptor.setAttribute(only as LiteElement, 'transform', attributes[0]!.value);
          kept.push(only);
          continue;
        }
      }
      kept.push(element);
    }
    node.children = kept;
    for (const child of kept) child.parent = node;
  }

  /** A math item for `tex`, as `MathDocument.convert` makes one (its defaults for the metrics). */
  function mathItem(math: MathDoc, tex: string, display: boolean): LiteMathItem {
    const { doc } = math;
    const item = new doc.options['MathItem'](tex, doc.inputJax[0], display) as LiteMathItem;
    item.start.node = adaptor.body(doc.document);
    item.setMetrics(16, 8, 80 * 8, 1000000, 1);
    return item;
  }

  /**
   * The shape of `template` parsed, or null when it cannot stand for its equations: it does not
   * parse, or MathJax did not read each `0` put in for a number as one `<mn>` of its own.
   */
  function parseShape(math: MathDoc, template: string, count: number, display: boolean): ParsedShape | null {
    const item = mathItem(math, template, display);
    try {
      item.convert(math.doc, STATE.COMPILED);
    } catch {
      return null;
    }
    const numbers: TextNode[] = [];
    let exact = true;
    (item.root as MmlNode).walkTree((child) => {
      const node = child as MmlNode;
      if (!node.isKind('mn')) return;
      const text = node.childNodes.length === 1 ? (node.childNodes[0] as TextNode) : undefined;
      if (text?.isKind('text') && text.getText() === '0') numbers.push(text);
      else exact = false;
    });
    return exact && numbers.length === count ? { item, numbers } : null;
  }

  /** Typesets `source`, from a parsed shape where one fits; throws what MathJax throws. */
  function typeset(math: MathDoc, source: string, display: boolean): LiteElement {
    const found = reuseParsedShapes ? numberTemplate(source) : null;
    if (found) {
      const key = `${display ? 'D' : 'I'}\u0000${found.template}`;
      let shape = math.shapes.get(key);
      if (shape === undefined) {
        shape = parseShape(math, found.template, found.numbers.length, display);
        if (math.shapes.size >= SHAPE_LIMIT) math.shapes.clear();
        math.shapes.set(key, shape);
      }
      if (shape) {
        shape.numbers.forEach((text, i) => text.setText(found.numbers[i] ?? ''));
        // Back to parsed: the output jax typesets the tree again, as MathJax's own rerender does.
        shape.item.state(STATE.COMPILED);
        shape.item.convert(math.doc);
        const container = shape.item.typesetRoot as LiteElement;
        // A shape keeps its parsed tree only, not also the last SVG drawn from it (a third of its memory).
        shape.item.typesetRoot = null;
        shape.item.state(STATE.COMPILED);
        return container;
      }
    }
    return math.doc.convert(source, { display }) as LiteElement;
  }

  /** The SVG without its text alternative (added per call, so one equation read differently is still rendered once). */
  function render(math: MathDoc, source: string, display: boolean, color: string | undefined): string {
    let container: LiteElement;
    try {
      container = typeset(math, source, display);
    } catch (e) {
      return errorSvg(e instanceof Error ? e.message : String(e), source);
    }
    const svgNode = adaptor.firstChild(container) as LiteElement;
    slim(svgNode, false);
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
      const svg = render(global(), source, display, undefined);
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
        svgText = render(local(), source, display, color);
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
