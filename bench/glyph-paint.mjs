/* global document, performance, requestAnimationFrame -- the timed function runs in the browser page */
// An experiment, not part of `npm run bench`: how long Chromium takes to lay out and paint the
// 20-label walkthrough when its equations use MathJax's shared glyphs (`<use xlink:href>`, what
// the panel and the exports write) against the same page with every glyph's path inlined.
// Each variant is set as a container's innerHTML in one page (as the panel's 'page' message
// does), timed to the frame after it is painted, alternating, and the medians printed.
// Run: node esbuild.js && node bench/glyph-paint.mjs   (Debian's chromium; asserts nothing)
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright';

const RUNS = Number(process.env.LW_GLYPH_PAINT_RUNS) || 12;
const labels = Array.from({ length: 20 }, (_, i) => `label${i + 1}`);
const text =
  `labels = [${labels.join(', ')}]\ntargets = [${labels.map((_, i) => i % 2).join(', ')}]\n` +
  `predictions = [${labels.map((_, i) => ((i * 37) % 97 + 1) / 100).join(', ')}]`;
const page = execFileSync(process.execPath, ['dist/cli.js', '--format', 'html'], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
const body = page.replace(/^[\s\S]*?<body[^>]*>/, '').replace(/<\/body>[\s\S]*$/, '');
const glyphs = new Map([...body.matchAll(/<path id="([^"]+)" d="([^"]*)"><\/path>/g)].map((m) => [m[1], m[2]]));
const inlined = body.replace(/<use xlink:href="#([^"]+)"( transform="[^"]*")?><\/use>/g, (_, id, transform) => `<path d="${glyphs.get(id) ?? ''}"${transform ?? ''}></path>`);
const variants = { '<use> glyphs': body, 'inlined paths': inlined };

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const tab = await browser.newPage({ viewport: { width: 800, height: 900 } });
await tab.goto('about:blank');
const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, html] of Object.entries(variants)) {
    times[name].push(
      await tab.evaluate(
        (h) =>
          new Promise((resolve) => {
            document.body.replaceChildren();
            const started = performance.now();
            const div = document.createElement('div');
            document.body.append(div);
            div.innerHTML = h;
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
          }),
        html,
      ),
    );
  }
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, html] of Object.entries(variants)) {
  console.log(`${name}: ${(html.length / 1024).toFixed(0)} KB, ${(html.match(/<use /g) ?? []).length} <use>, painted in ${median(times[name]).toFixed(0)} ms (median of ${RUNS})`);
}
