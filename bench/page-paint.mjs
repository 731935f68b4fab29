/* global document, performance, requestAnimationFrame -- the timed function runs in the browser page */
// What the panel's page costs Chromium to lay out and paint, apart from VS Code: the 20-label
// walkthrough with media/walkthrough.css as shipped (cards and the sections after them with
// `content-visibility: auto`), the same without it, and without it but with every MathJax glyph
// inlined as a path instead of a `<use>` reference to the shared glyphs. Each variant is set as a
// container's innerHTML in one page (as the panel's 'page' message does), timed to the frame after
// it is painted, in turns; medians printed. Part of `npm run bench`; asserts nothing.
// Standalone: node esbuild.js && node bench/page-paint.mjs   (Debian's chromium)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const RUNS = Number(process.env.LW_PAGE_PAINT_RUNS) || 12;
const root = fileURLToPath(new URL('..', import.meta.url));
const labels = Array.from({ length: 20 }, (_, i) => `label${i + 1}`);
const text =
  `labels = [${labels.join(', ')}]\ntargets = [${labels.map((_, i) => i % 2).join(', ')}]\n` +
  `predictions = [${labels.map((_, i) => ((i * 37) % 97 + 1) / 100).join(', ')}]`;

const exported = execFileSync(process.execPath, [`${root}dist/cli.js`, '--format', 'html'], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 });
const body = exported.replace(/^[\s\S]*?<body[^>]*>/, '').replace(/<\/body>[\s\S]*$/, '');
const mathCss = [...exported.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
const shippedCss = readFileSync(`${root}media/walkthrough.css`, 'utf8');
const everythingLaidOut = '.lw-card, .lw-reduction, .lw-frameworks, .lw-why, .lw-notes { content-visibility: visible; }';
const glyphs = new Map([...body.matchAll(/<path id="([^"]+)" d="([^"]*)"><\/path>/g)].map((m) => [m[1], m[2]]));
const inlined = body.replace(/<use( transform="[^"]*")? href="#([^"]+)"( transform="[^"]*")?><\/use>/g, (_, before, id, after) => `<path d="${glyphs.get(id) ?? ''}"${before ?? after ?? ''}></path>`);

const variants = [
  { name: 'as shipped (content-visibility: auto)', html: body, css: shippedCss },
  { name: 'every section laid out', html: body, css: `${shippedCss}\n${everythingLaidOut}` },
  { name: 'every section laid out, glyphs inlined', html: inlined, css: `${shippedCss}\n${everythingLaidOut}` },
];

const browser = await chromium.launch({ executablePath: process.env.LW_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const tab = await browser.newPage({ viewport: { width: 700, height: 900 } });
await tab.goto('about:blank');
await tab.evaluate((css) => {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  document.head.append(Object.assign(document.createElement('style'), { id: 'variant' }));
}, mathCss);
const times = variants.map(() => []);
for (let run = 0; run < RUNS; run++) {
  for (const [i, variant] of variants.entries()) {
    times[i].push(
      await tab.evaluate(
        ({ html, css }) =>
          new Promise((resolve) => {
            document.body.replaceChildren();
            document.getElementById('variant').textContent = css;
            void document.body.offsetHeight; // the stylesheet applied before the clock starts
            const started = performance.now();
            const main = document.createElement('main');
            document.body.append(main);
            main.innerHTML = html;
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
          }),
        variant,
      ),
    );
  }
}
await browser.close();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const baseline = median(times[1]);
for (const [i, { name, html }] of variants.entries()) {
  const ms = median(times[i]);
  console.log(
    `20-label page painted in Chromium, ${name}: ${ms.toFixed(0)} ms (median of ${RUNS}; ${(html.length / 1024).toFixed(0)} KB, ${(html.match(/<use /g) ?? []).length} <use>); ` +
      `baseline every section laid out ${baseline.toFixed(0)} ms; ratio ${(ms / baseline).toFixed(2)}×`,
  );
}
