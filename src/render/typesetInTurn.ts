// Typesetting one derivation card (a dozen equations) takes 10 to 20 ms on an idle machine and
// several times that under load: too long for one task of the extension host while a person types.
// The equations some HTML needs are found by writing it once with a renderer that typesets
// nothing; they are then typeset one at a time into the renderer's caches, with a pause between,
// and the HTML is written again from the caches at the cost of a copy.
import type { MathOptions, MathRenderer } from './mathjax';

/** One equation a piece of HTML asks for: through a page (glyphs by reference) or on its own. */
export interface MathRequest {
  readonly page: boolean;
  readonly tex: string;
  readonly opts: MathOptions;
}

/** The equations `write` asks `math` for, each once, in order; nothing is typeset. */
export function mathRequests(write: (math: MathRenderer) => unknown, math: MathRenderer): MathRequest[] {
  const seen = new Set<string>();
  const requests: MathRequest[] = [];
  const record = (page: boolean, tex: string, opts: MathOptions): string => {
    // What decides the cached SVG: the label is added to it afterwards.
    const key = `${page ? 'P' : 'S'}\u0000${opts.display ?? true}\u0000${page ? '' : (opts.color ?? '')}\u0000${tex}`;
    if (!seen.has(key)) {
      seen.add(key);
      requests.push({ page, tex, opts });
    }
    return '';
  };
  write({
    toSvg: (tex, opts = {}) => record(false, tex, opts),
    styleSheet: () => math.styleSheet(),
    page: () => ({ toSvg: (tex, opts = {}) => record(true, tex, opts), defs: () => '' }),
  });
  return requests;
}

/**
 * Typesets `requests` into `math`'s caches, awaiting `pause()` before each one; stops, returning
 * false, as soon as `stale()` says the result is no longer wanted.
 */
export async function typesetInTurn(requests: readonly MathRequest[], math: MathRenderer, pause: () => Promise<void>, stale: () => boolean): Promise<boolean> {
  const page = math.page();
  for (const request of requests) {
    await pause();
    if (stale()) return false;
    if (request.page) page.toSvg(request.tex, request.opts);
    else math.toSvg(request.tex, request.opts);
  }
  return true;
}
