/// <reference types="node" />
// The fetch expressions against the real Python debugger: Debian's debugpy adapter, driven over
// the Debug Adapter Protocol as VS Code drives it, paused in a real PyTorch training step. Each
// read is one `evaluate` in the clipboard context; the walkthrough's loss must equal the
// `loss.item()` PyTorch computed, to the dtype's precision. Skipped where /usr/bin/python3 has
// no debugpy or torch (`apt-get install python3-debugpy python3-torch`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWalkthrough } from '../../../src/core/derivation';
import { assembleLiveInput, compareWithProgram, parseFetchAnswer, planReads, pythonFetchExpression, recogniseLossCall, type ReadAnswer, type ReadKey } from '../../../src/core/live';

const PYTHON = '/usr/bin/python3';
const available = spawnSync(PYTHON, ['-c', 'import debugpy, torch'], { stdio: 'ignore' }).status === 0;
const LIMIT = 1_000_000;

const SCRIPT = `import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Linear(4, 3)
x = torch.randn(5, 4)
labels = (torch.rand(5, 3) > 0.5).float()
criterion = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([1.0, 2.0, 3.0]))
outputs = model(x)
loss = criterion(outputs, labels)
loss.backward()
w = torch.rand(5, 3, dtype=torch.float64)
p64 = torch.sigmoid(outputs.double()).detach()
loss64 = F.binary_cross_entropy(p64, labels.double(), weight=w)
half = outputs.detach().to(torch.float16)
bf = outputs.detach().to(torch.bfloat16)
big = torch.zeros(1001, 1000)
print('done')
`;
const STOP_LINE = SCRIPT.split('\n').indexOf("print('done')") + 1;

/** A minimal DAP client over the adapter's stdin/stdout. */
class Dap {
  private seq = 1;
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<number, (m: { success: boolean; body?: unknown; message?: string }) => void>();
  private readonly waiters: { event: string; resolve: (body: unknown) => void }[] = [];
  private readonly seen: { event: string; body: unknown }[] = [];
  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
  }
  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      if (message.type === 'response') this.pending.get(message.request_seq)?.(message);
      else if (message.type === 'event') {
        const i = this.waiters.findIndex((w) => w.event === message.event);
        if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(message.body);
        else this.seen.push({ event: message.event, body: message.body });
      }
    }
  }
  request(command: string, args: unknown): Promise<{ success: boolean; body?: unknown; message?: string }> {
    const seq = this.seq++;
    const json = Buffer.from(JSON.stringify({ seq, type: 'request', command, arguments: args }), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${json.length}\r\n\r\n`), json]));
    return new Promise((resolve) => this.pending.set(seq, resolve));
  }
  event(name: string): Promise<unknown> {
    const i = this.seen.findIndex((s) => s.event === name);
    if (i >= 0) return Promise.resolve(this.seen.splice(i, 1)[0]!.body);
    return new Promise((resolve) => this.waiters.push({ event: name, resolve }));
  }
}

let dap: Dap;
let child: ChildProcessWithoutNullStreams;
let frameId = 0;
let clipboard = false;
let dir = '';
let programPath = '';

async function evaluate(expression: string): Promise<ReadAnswer> {
  const r = await dap.request('evaluate', { expression, frameId, context: 'clipboard' });
  return r.success ? { ok: true, result: (r.body as { result: string }).result } : { ok: false, message: r.message ?? 'failed' };
}

before(async () => {
  if (!available) return;
  dir = mkdtempSync(join(tmpdir(), 'lw-debugpy-'));
  programPath = join(dir, 'train.py');
  writeFileSync(programPath, SCRIPT);
  child = spawn(PYTHON, ['-m', 'debugpy.adapter']);
  dap = new Dap(child);
  const init = await dap.request('initialize', { adapterID: 'python', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' });
  clipboard = (init.body as { supportsClipboardContext?: boolean }).supportsClipboardContext === true;
  void dap.request('launch', { program: programPath, python: [PYTHON], console: 'internalConsole', justMyCode: true, cwd: dir });
  await dap.event('initialized');
  await dap.request('setBreakpoints', { source: { path: programPath }, breakpoints: [{ line: STOP_LINE }] });
  await dap.request('configurationDone', {});
  const stopped = (await dap.event('stopped')) as { threadId: number };
  const trace = await dap.request('stackTrace', { threadId: stopped.threadId, startFrame: 0, levels: 1 });
  frameId = (trace.body as { stackFrames: { id: number }[] }).stackFrames[0]!.id;
});

after(async () => {
  if (!available) return;
  await Promise.race([dap.request('disconnect', { terminateDebuggee: true }), new Promise((r) => setTimeout(r, 3000))]);
  child.kill();
  rmSync(dir, { recursive: true, force: true });
});

async function explainLine(pattern: RegExp) {
  const line = SCRIPT.split('\n').findIndex((l) => pattern.test(l));
  const call = recogniseLossCall(SCRIPT, line, 'python');
  assert.ok(call !== null && !('problem' in call));
  const reads = planReads(call, LIMIT, true);
  const answers = new Map<ReadKey, ReadAnswer>();
  for (const read of reads) answers.set(read.key, await evaluate(read.evaluate));
  const input = assembleLiveInput(call, reads, answers, LIMIT);
  assert.ok(input.ok, JSON.stringify(!input.ok && input.error));
  const v = input.value;
  const built = buildWalkthrough(v.parsed, {
    preset: v.preset,
    reduction: v.reduction,
    logBase: 'e',
    dtype: v.dtype,
    ...(v.weight ? { weight: v.weight } : {}),
    ...(v.posWeight ? { posWeight: v.posWeight } : {}),
  });
  assert.ok(built.ok, JSON.stringify(!built.ok && built.error));
  return { input: v, walkthrough: built.value, reads };
}

test('debugpy offers the clipboard context, which answers whole values', { skip: !available }, () => {
  assert.equal(clipboard, true);
});

test('criterion(outputs, labels) with BCEWithLogitsLoss(pos_weight=...): pos_weight and reduction read from the object; equals loss.item() in float32', { skip: !available }, async () => {
  const { input, walkthrough, reads } = await explainLine(/^loss = criterion/);
  assert.deepEqual(reads.map((r) => r.key), ['targets', 'predictions', 'weight', 'posWeight', 'reduction', 'program']);
  assert.equal(input.dtypes.predictions, 'torch.float32');
  assert.equal(input.dtype, 'float32');
  assert.deepEqual(input.posWeight, [1, 2, 3]);
  assert.equal(input.weight, undefined);
  assert.equal(input.reduction, 'mean');
  assert.equal(input.inputKind, 'logits');
  const program = input.program!;
  assert.equal(program.values.length, 1);
  const relative = Math.abs(walkthrough.result.loss - program.values[0]!) / program.values[0]!;
  assert.ok(relative < 1e-6, `walkthrough ${walkthrough.result.loss}, loss.item() ${program.values[0]}`);
  assert.equal(compareWithProgram(program, walkthrough, 6)?.differs, false);
});

test('F.binary_cross_entropy(..., weight=w) on float64 tensors equals the program to float64 precision', { skip: !available }, async () => {
  const { input, walkthrough } = await explainLine(/^loss64 = F\.binary_cross_entropy/);
  assert.equal(input.dtype, 'float64');
  assert.equal(input.weight?.length, 15);
  const program = input.program!;
  assert.ok(Math.abs(walkthrough.result.loss - program.values[0]!) <= 1e-13 * program.values[0]!, `${walkthrough.result.loss} vs ${program.values[0]}`);
});

test('tensors that require grad, float16 and bfloat16 come back exactly, with their dtype', { skip: !available }, async () => {
  for (const [expression, dtype, check] of [
    ['outputs', 'torch.float32', 'outputs.detach().double()'],
    ['half', 'torch.float16', 'half.double()'],
    ['bf', 'torch.bfloat16', 'bf.double()'],
  ] as const) {
    const answer = await evaluate(pythonFetchExpression(expression, LIMIT));
    assert.ok(answer.ok);
    const parsed = parseFetchAnswer(answer.result, expression, LIMIT);
    assert.ok(parsed.ok && parsed.value.kind === 'array');
    assert.equal(parsed.value.dtype, dtype);
    assert.deepEqual(parsed.value.shape, [5, 3]);
    // The same values as Python's own repr of the float64 copy, digit for digit.
    const reference = await evaluate(`repr(${check}.reshape(-1).tolist())`);
    assert.ok(reference.ok);
    assert.equal(parsed.value.flat, reference.result.slice(1, -1));
  }
});

test('past 1,000,000 numbers: one small answer that names the size, no values fetched', { skip: !available }, async () => {
  const answer = await evaluate(pythonFetchExpression('big', LIMIT));
  assert.ok(answer.ok);
  assert.ok(answer.result.length < 100, answer.result);
  const parsed = parseFetchAnswer(answer.result, 'big', LIMIT);
  assert.ok(!parsed.ok);
  assert.match(parsed.error.message, /big holds 1,001,000 numbers \(shape \[1001, 1000\]\)/);
});

test("a name the frame lacks: debugpy answers with the exception, and the walkthrough reports it by the expression's name", { skip: !available }, async () => {
  const call = recogniseLossCall('loss = F.binary_cross_entropy(no_such_name, labels, reduction=criterion.no_such_attribute)', 0, 'python');
  assert.ok(call !== null && !('problem' in call));
  const reads = planReads(call, LIMIT, false);
  const answers = new Map<ReadKey, ReadAnswer>();
  for (const read of reads) answers.set(read.key, await evaluate(read.evaluate));
  const input = assembleLiveInput(call, reads, answers, LIMIT);
  assert.ok(!input.ok);
  assert.match(input.error.message, /Evaluating no_such_name in the paused program failed: NameError/);

  // An option read that fails is an error too, not a silent default.
  const optionOnly = new Map(answers);
  optionOnly.set('predictions', await evaluate(pythonFetchExpression('outputs', LIMIT)));
  const second = assembleLiveInput(call, reads, optionOnly, LIMIT);
  assert.ok(!second.ok);
  assert.match(second.error.message, /Evaluating criterion\.no_such_attribute in the paused program failed: AttributeError/);
});
