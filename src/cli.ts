// `loss-walkthrough`: the same engine as the extension, from a terminal.
// Exit codes: 0 success, 1 bad input (message on stderr, never a stack trace), 2 bad usage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildWalkthrough } from './core/derivation';
import { PRESETS } from './core/loss';
import { findArrays, lineColumn, parseInput } from './core/parse';
import { jsonReportChunks } from './core/report';
import type { DType, InputError, InputKindOption, LogBase, Preset, Reduction } from './core/types';
import { getMathRenderer, htmlPageChunks, latexChunks, markdownChunks } from './render';
import { textChunks } from './render/text';

const FORMATS = ['text', 'json', 'markdown', 'latex', 'html'] as const;
type Format = (typeof FORMATS)[number];
const INPUT_KINDS: readonly InputKindOption[] = ['probabilities', 'logits', 'auto'];
const REDUCTIONS: readonly Reduction[] = ['mean', 'sum', 'none'];
const LOG_BASES: readonly LogBase[] = ['e', '2', '10'];
const DTYPES: readonly DType[] = ['float64', 'float32'];
const PRESET_IDS = Object.keys(PRESETS) as Preset[];

/** The document formats' caps unless asked otherwise: the panel's own (maxRenderedLabels' default, its table rows). */
export const DEFAULT_MAX_DERIVATIONS = 50;
export const DEFAULT_MAX_ROWS = 5_000;
/**
 * Every equation of an HTML page is typeset to SVG (about 10 ms a derivation), so past this many
 * derivations the page would take minutes: refused, with the formats that can take them all.
 */
export const HTML_MAX_DERIVATIONS = 10_000;
/** Chunks are gathered into writes of about this many characters. */
const WRITE_SIZE = 64 * 1024;

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
  --max-derivations N   derivations written step by step: a number or 'all'
                        (default ${DEFAULT_MAX_DERIVATIONS}; html at most ${HTML_MAX_DERIVATIONS.toLocaleString('en-US')})
  --max-rows N          rows of the table of inputs and losses: a number or 'all'
                        (default ${DEFAULT_MAX_ROWS.toLocaleString('en-US')}). The document says what it left out;
                        the loss always covers every element. With 'all' the
                        document is written element by element as it is made.
  -h, --help            show this help

Exit status: 0 success, 1 bad input, 2 bad usage.
`;

export interface CliIo {
  readonly readFile: (path: string) => string;
  readonly readStdin: () => string;
  /** Writes to standard output; a returned promise settles when more may be written (backpressure). */
  readonly stdout: (text: string) => void | Promise<void>;
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

/** `--max-derivations` / `--max-rows`: a whole number or 'all' (Infinity). */
function capOption(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (value.trim().toLowerCase() === 'all') return Infinity;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`--${flag} must be a whole number, 0 or more, or 'all'; got '${value}'.`);
  return n;
}

/** Writes the chunks in writes of about WRITE_SIZE characters, waiting whenever stdout asks to. */
async function writeChunks(chunks: Iterable<string>, write: CliIo['stdout']): Promise<void> {
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= WRITE_SIZE) {
      const text = pending.join('');
      pending = [];
      size = 0;
      await write(text);
    }
  }
  if (size > 0) await write(pending.join(''));
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
        'max-derivations': { type: 'string' },
        'max-rows': { type: 'string' },
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
      maxDerivations: capOption('max-derivations', values['max-derivations'], DEFAULT_MAX_DERIVATIONS),
      maxRows: capOption('max-rows', values['max-rows'], DEFAULT_MAX_ROWS),
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
  // JSON lists every element itself: it needs no derivations, table or framework comparison. The
  // documents keep no more than their caps in the walkthrough; past those (with 'all') the writer
  // derives each element as it reaches it, so memory does not grow with what is written.
  const json = settings.format === 'json';
  const built = json ? { maxDerivations: 0, maxTableRows: 0, compareFrameworks: false } : { maxDerivations: Math.min(settings.maxDerivations, DEFAULT_MAX_DERIVATIONS), maxTableRows: Math.min(settings.maxRows, DEFAULT_MAX_ROWS) };
  const walkthrough = buildWalkthrough(parsed.value, settings.loss, { ...built, ...(settings.precision !== undefined ? { precision: settings.precision } : {}) });
  if (!walkthrough.ok) {
    io.stderr(describeError(walkthrough.error, text, source));
    return 1;
  }
  const w = walkthrough.value;
  const extent = { derivations: Math.min(w.elementCount, settings.maxDerivations), tableRows: Math.min(w.elementCount, settings.maxRows) };
  if (settings.format === 'html' && extent.derivations > HTML_MAX_DERIVATIONS) {
    io.stderr(
      `loss-walkthrough: --format html typesets every equation (about 10 ms a derivation), so it writes at most ${HTML_MAX_DERIVATIONS.toLocaleString('en-US')} derivations; ` +
        `${extent.derivations.toLocaleString('en-US')} were asked for.\n  Give --max-derivations ${HTML_MAX_DERIVATIONS} or less, or use --format markdown or latex, which write all of them.\n`,
    );
    return 2;
  }
  switch (settings.format) {
    case 'json':
      await writeChunks(jsonReportChunks(w), io.stdout);
      break;
    case 'markdown':
      await writeChunks(markdownChunks(w, { extent }), io.stdout);
      break;
    case 'latex':
      await writeChunks(latexChunks(w, { extent }), io.stdout);
      break;
    case 'html':
      await writeChunks(htmlPageChunks(w, await getMathRenderer(), { title: `BCE walkthrough: ${source}`, css: io.css(), extent }), io.stdout);
      break;
    default:
      await writeChunks(textChunks(w, { extent }), io.stdout);
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
    // When the pipe is full, wait for it to drain: a document of any size streams in flat memory.
    stdout: (t) => (process.stdout.write(t) ? undefined : new Promise<void>((resolve) => process.stdout.once('drain', resolve))),
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
