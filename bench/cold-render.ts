// One cold render in a fresh process (run by bench/run.ts): prints the milliseconds from before
// the first MathJax import to the finished 20-label page.
import { buildWalkthrough } from '../src/core/derivation';
import { parseInput } from '../src/core/parse';
import { TWENTY_LABEL_TEXT } from './twenty-labels';

const parsed = parseInput(TWENTY_LABEL_TEXT);
if (!parsed.ok) throw new Error(parsed.error.message);
const w = buildWalkthrough(parsed.value, { preset: 'pytorch', reduction: 'mean', logBase: 'e', dtype: 'float64' });
if (!w.ok) throw new Error(w.error.message);
const walkthrough = w.value;

async function main(which: string | undefined): Promise<void> {
const start = performance.now();
if (which === 'naive') {
  const { naiveRenderer, allEquations } = await import('./naive-mathjax');
  const render = naiveRenderer();
  let n = 0;
  for (const tex of allEquations(walkthrough)) n += render(tex).length;
  if (n === 0) throw new Error('nothing rendered');
} else {
  const { getMathRenderer, renderHtmlFragment } = await import('../src/render');
  const html = renderHtmlFragment(walkthrough, await getMathRenderer());
  if (html.length === 0) throw new Error('nothing rendered');
}
console.log((performance.now() - start).toFixed(2));
}

main(process.argv[2]).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
