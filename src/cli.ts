// `loss-walkthrough`: the same engine as the extension, from a terminal.
// Exit codes: 0 success, 1 bad input (message on stderr, never a stack trace), 2 bad usage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildWalkthrough } from './core/derivation';
import { PRESETS } from './core/loss';
import { findArrays, lineColumn, parseInput } from './core/parse';
import { toJsonReport } from './core/report';
import type { DType, InputError, InputKindOption, LogBase, Preset, Reduction } from './core/types';
import { getMathRenderer, renderHtmlPage, renderLatex, renderMarkdown } from './render';
import { renderText } from './render/text';

const FORMATS = ['text', 'json', 'markdown', 'latex', 'html'] as const;
type Format = (typeof FORMATS)[number];
const INPUT_KINDS: readonly InputKindOption[] = ['probabilities', 'logits', 'auto'];
const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
const LOG_BASES: readonly LogBase[] = ['e', '2', '10'];
const DTYPES: readonly DType[] = ['float64', 'float32'];
const PRESET_IDS = Object.keys(PRESETS) as Preset[];

export const USAGE = `Usage: loss-walkthrough [options] [file]

Explains binary cross entropy step by step for the target and prediction arrays
in FILE (or standard input): Python lists, NumPy/PyTorch/TensorFlow literals,
JSON, named \`targets = [...]\` / \`predictions = [...]\`, one sample or a batch.

Options:
  --input KIND          probabilities | logits | auto (default auto: values outside
                        [0, 1] are taken as logits, with a note)
  --preset NAME         ${PRESET_IDS.join(' | ')} (default pytorch)
  --reduction R         mean | sum | none (default mean)
  --weight '[...]'      per-element weights, broadcast along the last axis
  --pos-weight '[...]'  positive-class weights (logits), broadcast along the last axis
  --label-smoothing X   y' = y(1 - X) + X/2
  --log-base B          e | 2 | 10 (default e; a change of unit only)
  --dtype D             float64 | float32 (default: the framework's own)
  --precision N         significant digits of computed numbers (default 6)
  --max-numbers N       refuse inputs with more numbers than this (default 1000000)
  --swap                exchange the targets and the predictions once they are
                        decided (by names, a loss call, the values or the order):
                        what a "look swapped" warning offers
  --format F            text | json | markdown | latex | html (default text)
  -h, --help            show this help

Exit status: 0 success, 1 bad input, 2 bad usage.
`;

export interface CliIo {
  readonly readFile: (path: string) => string;
  readonly readStdin: () => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The walkthrough stylesheet, inlined into --format html. */
  readonly css: () => string;
}

class UsageError extends Error {}

function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; got '${value}'.`);
}

function numberOption(flag: string, value: string | undefined, check: (n: number) => boolean, rule: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`--${flag} must be ${rule}; got '${value}'.`);
  return n;
}

/** A weight list as the user would type it: `[1, 2, 3]`, `(1, 2)`, `2` or `1,2,3`. */
function weightOption(flag: string, value: string | undefined): Float64Array | undefined {
  if (value === undefined) return undefined;
  const text = /^[\s\d.eE+-]+$/.test(value) ? `[${value}]` : value;
  const found = findArrays(/^[[(]/.test(text.trim()) ? text : `[${text}]`);
  const only = found.ok && found.value.length === 1 ? found.value[0] : undefined;
  if (only === undefined || only.content !== 'numbers' || only.problem !== null) {
    throw new UsageError(`--${flag} must be a list of numbers such as '[1, 2, 3]'; got '${value.slice(0, 40)}'.`);
  }
  return only.values;
}

function describeError(error: InputError, text: string, file: string): string {
  const where = error.range !== undefined ? ((p) => `${file}:${p.line}:${p.column}: `)(lineColumn(text, error.range.start)) : `${file}: `;
  return `${where}${error.message}${error.suggestion !== undefined ? `\n  ${error.suggestion}` : ''}\n`;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parse>['values'];
  let positionals: string[];
  function parse() {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        input: { type: 'string' },
        preset: { type: 'string' },
        reduction: { type: 'string' },
        weight: { type: 'string' },
        'pos-weight': { type: 'string' },
        'label-smoothing': { type: 'string' },
        'log-base': { type: 'string' },
        dtype: { type: 'string' },
        precision: { type: 'string' },
        'max-numbers': { type: 'string' },
        format: { type: 'string' },
        swap: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  }
  let settings;
  try {
    ({ values, positionals } = parse());
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }
    if (positionals.length > 1) throw new UsageError(`Give at most one file; got ${positionals.length}.`);
    const preset = choice('preset', values.preset, PRESET_IDS, 'pytorch');
    settings = {
      inputKind: choice('input', values.input, INPUT_KINDS, 'auto'),
      format: choice<Format>('format', values.format, FORMATS, 'text'),
      precision: numberOption('precision', values.precision, (n) => Number.isInteger(n) && n >= 1 && n <= 17, 'a whole number from 1 to 17'),
      maxNumbers: numberOption('max-numbers', values['max-numbers'], (n) => Number.isInteger(n) && n >= 1, 'a whole number, 1 or more'),
      loss: {
        preset,
        reduction: choice('reduction', values.reduction, REDUCTIONS, 'mean'),
        logBase: choice('log-base', values['log-base'], LOG_BASES, 'e'),
        dtype: choice('dtype', values.dtype, DTYPES, PRESETS[preset].defaultDtype),
        weight: weightOption('weight', values.weight),
        posWeight: weightOption('pos-weight', values['pos-weight']),
        labelSmoothing: numberOption('label-smoothing', values['label-smoothing'], (n) => n >= 0 && n <= 1, 'a number from 0 to 1'),
      },
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`loss-walkthrough: ${message}\nRun 'loss-walkthrough --help' for the options.\n`);
    return 2;
  }

  const file = positionals[0];
  let text: string;
  try {
    text = file !== undefined && file !== '-' ? io.readFile(file) : io.readStdin();
  } catch (err) {
    const code = (err as { code?: string }).code;
    io.stderr(`loss-walkthrough: cannot read ${file ?? 'standard input'}${code ? ` (${code})` : ''}.\n`);
    return 1;
  }
  const source = file ?? '<stdin>';

  const parsed = parseInput(text, {
    inputKind: settings.inputKind,
    ...(settings.maxNumbers !== undefined ? { maxNumbers: settings.maxNumbers } : {}),
    ...(values.swap === true ? { swapRoles: true } : {}),
  });
  if (!parsed.ok) {
    io.stderr(describeError(parsed.error, text, source));
    return 1;
  }
  // JSON lists every element itself: it needs no derivations, table or framework comparison.
  const caps = settings.format === 'json' ? { maxDerivations: 0, maxTableRows: 0, compareFrameworks: false } : {};
  const walkthrough = buildWalkthrough(parsed.value, settings.loss, { ...caps, ...(settings.precision !== undefined ? { precision: settings.precision } : {}) });
  if (!walkthrough.ok) {
    io.stderr(describeError(walkthrough.error, text, source));
    return 1;
  }
  const w = walkthrough.value;
  switch (settings.format) {
    case 'json':
      io.stdout(JSON.stringify(toJsonReport(w), null, 2) + '\n');
      break;
    case 'markdown':
      io.stdout(renderMarkdown(w));
      break;
    case 'latex':
      io.stdout(renderLatex(w));
      break;
    case 'html':
      io.stdout(renderHtmlPage(w, await getMathRenderer(), { title: `BCE walkthrough: ${source}`, css: io.css() }));
      break;
    default:
      io.stdout(renderText(w));
  }
  // The output shows the warning too; this says how to act on it, out of the way of a piped format.
  if (w.parsed.roleWarning !== undefined) {
    io.stderr(
      w.parsed.rolesSwapped === true
        ? 'loss-walkthrough: the targets and predictions still look swapped; run again without --swap.\n'
        : 'loss-walkthrough: the targets and predictions look swapped; run again with --swap to exchange them.\n',
    );
  }
  return 0;
}

function readStdin(): string {
  return readFileSync(0, 'utf8');
}

/** media/ sits beside dist/ in the package and beside src/ in the repository. */
function readCss(): string {
  return readFileSync(join(__dirname, '..', 'media', 'walkthrough.css'), 'utf8');
}

if (require.main === module) {
  // `loss-walkthrough … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  runCli(process.argv.slice(2), {
    readFile: (path) => readFileSync(path, 'utf8'),
    readStdin,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    css: readCss,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // Never a stack trace for the user; this is a bug in the tool, said plainly.
      process.stderr.write(`loss-walkthrough: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
