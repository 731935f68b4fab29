// "Explain Binary Cross Entropy" at a breakpoint: the loss call on the cursor's line is read
// from the focused stack frame (one evaluate per array, see core/live), and the walkthrough
// opens with the call's own preset and options, says where each number came from, and puts the
// program's own value beside its own. Expressions that could run code are evaluated only after
// a modal dialog that shows them has been answered yes.
import * as vscode from 'vscode';
import {
  assembleLiveInput,
  planReads,
  provenanceNotes,
  recogniseLossCall,
  sameSourceFile,
  type CodeLanguage,
  type LiveRead,
  type LossCall,
  type ReadAnswer,
  type ReadKey,
} from '../../core/live';
import { DEFAULT_MAX_NUMBERS } from '../../core/parse';
import type { InputError, InputKindOption } from '../../core/types';
import { logInputError, outputChannel } from '../log';
import { readSettings } from '../settings';
import { effectiveOptions, walkthroughFromParsed } from '../walkthrough/explain';
import type { ExplainResult } from '../walkthrough/explainCommand';
import { summaryLosses } from '../commandSummary';
import { elementLossAt } from '../../core/loss';
import type { ExplainOverrides, PanelState } from '../walkthrough/messages';
import { hasLiteralArrays } from '../walkthrough/notebookOutputs';
import { displayName } from '../walkthrough/origin';
import { panelExtent, WalkthroughPanel } from '../walkthrough/panel';
import type { LivePanelData, LiveRequest } from './liveData';
import { evaluateInFrame, focusedFrame, framePlace, type FocusedFrame } from './session';

/** Expressions the person has allowed to be evaluated in this window, so following stops does not ask again. */
const confirmedExpressions = new Set<string>();

export function languageOfDocument(languageId: string): CodeLanguage | null {
  if (languageId === 'python') return 'python';
  if (/^(javascript|typescript)(react)?$/.test(languageId)) return 'javascript';
  return null;
}

/** How a live run was started: interactively (errors shown, unsafe reads confirmed) or by a stop (quiet). */
export type LiveMode = 'interactive' | 'follow';

export interface LiveJob {
  readonly call: LossCall;
  readonly request: LiveRequest;
  /** `train.py:42`: where the call is written. */
  readonly callPlace: string;
  readonly documentUri: vscode.Uri | null;
  readonly overrides: ExplainOverrides;
  /** 'auto' when the arrays were chosen in the Variables view, without a call to say the input kind. */
  readonly inputKind?: InputKindOption;
}

/** Extra fields of the command's result when the values came from a paused program. */
export interface LiveExplainResult extends ExplainResult {
  readonly live: {
    readonly session: string;
    readonly frameId: number;
    readonly place: string;
    readonly expressions: Readonly<Partial<Record<ReadKey, string>>>;
    readonly dtype: string;
    /** The program's own value, when it was read; compared in the panel's first note. */
    readonly programValues: readonly number[] | null;
    readonly notes: readonly string[];
  };
}

function showError(message: string, mode: LiveMode): undefined {
  if (mode === 'interactive') void vscode.window.showErrorMessage(message);
  return undefined;
}

function showInputError(error: InputError, mode: LiveMode): undefined {
  logInputError('Explain Binary Cross Entropy (debugger)', error);
  return showError(error.suggestion ? `${error.message} ${error.suggestion}` : error.message, mode);
}

/** The loss call on the editor's cursor line, if the line holds one (a statement over several lines counts). */
export function lossCallAtCursor(editor: vscode.TextEditor): LossCall | { problem: string } | null {
  const document = editor.document;
  const language = languageOfDocument(document.languageId);
  if (language === null) return null;
  const line = editor.selection.active.line;
  // Bounded: in a huge file only the lines before the cursor that can hold the criterion's
  // constructor, and a statement's worth after it, are read.
  const first = Math.max(0, line - MAX_LINES_BEFORE);
  const last = Math.min(document.lineCount - 1, line + MAX_LINES_AFTER);
  const text = document.getText(new vscode.Range(first, 0, last, document.lineAt(last).text.length));
  if (text.length > MAX_SCANNED_CHARS) return null;
  const call = recogniseLossCall(text, line - first, language);
  if (call === null || 'problem' in call || first === 0) return call;
  const offset = document.offsetAt(new vscode.Position(first, 0));
  return {
    ...call,
    startLine: call.startLine + first,
    endLine: call.endLine + first,
    statement: { start: call.statement.start + offset, end: call.statement.end + offset },
    call: { start: call.call.start + offset, end: call.call.end + offset },
    criterion: call.criterion ? { ...call.criterion, line: call.criterion.line + first } : null,
  };
}

const MAX_LINES_BEFORE = 5_000;
const MAX_LINES_AFTER = 200;
const MAX_SCANNED_CHARS = 4_000_000;

export function notPausedMessage(frame: Extract<FocusedFrame, { ok: false }>): string {
  return frame.reason === 'not-paused' && frame.session
    ? vscode.l10n.t('The debug session "{0}" is not paused: stop it at a breakpoint on or after this line (or pause it), select a frame in the Call Stack view, then run "Explain Binary Cross Entropy" again.', frame.session.name)
    : vscode.l10n.t('This line calls a loss, but its values exist only while the program runs: start debugging, stop at a breakpoint on or after this line, then run "Explain Binary Cross Entropy" again.');
}

/**
 * The command's path when a session is paused and the cursor's line holds a loss call. Returns
 * null when it does not apply (then the command reads literal arrays from the text as before).
 */
export async function explainAtBreakpoint(extensionUri: vscode.Uri, editor: vscode.TextEditor, overrides: ExplainOverrides): Promise<LiveExplainResult | undefined | null> {
  if (!editor.selection.isEmpty) return null;
  const frame = focusedFrame();
  // No debug session: the text path runs, as without this feature (no scan of the file here).
  if (!frame.ok && frame.reason === 'no-session') return null;
  const call = lossCallAtCursor(editor);
  // Literal arrays in the call need no program: the text says it all.
  if (call === null || ('targets' in call && hasLiteralArrays(call.targets) && hasLiteralArrays(call.predictions))) return null;
  if (!frame.ok) return showError(notPausedMessage(frame), 'interactive');
  if ('problem' in call) return showError(call.problem, 'interactive');
  const document = editor.document;
  const job: LiveJob = {
    call,
    request: { kind: 'line', documentUri: document.uri.toString(), line: call.startLine },
    callPlace: `${displayName(document.uri)}:${call.startLine + 1}`,
    documentUri: document.uri,
    // The call says the framework, input kind and reduction; the settings still give the log base and precision.
    overrides: { ...overrides, preset: overrides.preset ?? call.preset },
  };
  return runLive(extensionUri, job, frame, 'interactive');
}

function samePath(source: string | null, uri: vscode.Uri | null): boolean {
  return source !== null && uri !== null && sameSourceFile(source, [uri.fsPath, uri.path]);
}
/** Reads the job's values in `frame` and shows the walkthrough. */
export async function runLive(
  extensionUri: vscode.Uri,
  job: LiveJob,
  frame: Extract<FocusedFrame, { ok: true }>,
  mode: LiveMode,
  stillCurrent: () => boolean = () => true,
): Promise<LiveExplainResult | undefined> {
  const { call } = job;
  const session = frame.session;
  const started = Date.now();
  const place = await framePlace(session, frame.threadId, frame.frameId);
  const placed = Date.now();
  const placeText = place ? `${place.path ? place.path.split(/[\\/]/).pop() : '?'}:${place.line}` : vscode.l10n.t('an unknown place');
  // The name the call assigns holds this call's result only once the frame is past the statement.
  const programHasRun = place !== null && samePath(place.path, job.documentUri) && place.line - 1 > call.endLine;
  const reads = planReads(call, DEFAULT_MAX_NUMBERS, programHasRun);

  const unsafe = reads.filter((r) => !r.safe && !confirmedExpressions.has(r.expression));
  if (unsafe.length > 0) {
    if (mode === 'follow') return undefined;
    const evaluate = vscode.l10n.t('Evaluate');
    const detail = unsafe.map((r) => r.expression).join('\n');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('These expressions could run code in your program (a call, an operator). Evaluate them in the paused frame?'),
      { modal: true, detail },
      evaluate,
    );
    if (answer !== evaluate) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing was evaluated.'));
      return undefined;
    }
    for (const r of unsafe) confirmedExpressions.add(r.expression);
  }

  const reading = Date.now();
  const answers = await readAll(session, frame.frameId, reads, mode, stillCurrent);
  if (answers === undefined) return undefined;
  const read = Date.now();
  const assembled = assembleLiveInput(call, reads, answers, DEFAULT_MAX_NUMBERS, job.inputKind);
  if (!assembled.ok) return showInputError(assembled.error, mode);
  const input = assembled.value;

  const settings = readSettings(job.documentUri ?? undefined);
  const overrides: ExplainOverrides = {
    ...job.overrides,
    ...(job.inputKind === undefined ? { inputKind: input.inputKind, reduction: input.reduction } : {}),
  };
  const origin = { session: session.name, frame: place?.name ?? String(frame.frameId), place: placeText };
  const live: LivePanelData = {
    dtype: input.dtype,
    notes: provenanceNotes(origin, call, input, job.callPlace),
    program: input.program,
    request: job.request,
    ...(input.weight ? { weight: input.weight } : {}),
    ...(input.posWeight ? { posWeight: input.posWeight } : {}),
    ...(input.labelSmoothing !== undefined ? { labelSmoothing: input.labelSmoothing } : {}),
  };
  const state: PanelState = {
    version: 1,
    source: input.source,
    documentName: job.callPlace,
    documentUri: job.documentUri?.toString() ?? null,
    overrides,
    renderedLabels: settings.maxRenderedLabels,
    live,
  };
  const effective = effectiveOptions(settings, overrides);
  const built = walkthroughFromParsed(input.parsed, effective, panelExtent(state), live);
  if (!built.ok) return showInputError(built.error, mode);
  if (!stillCurrent()) return undefined;
  const walkthrough = built.value;
  const builtAt = Date.now();
  const { reused } = await WalkthroughPanel.show(extensionUri, state, walkthrough);
  // Where the time of a live explanation goes, for a person wondering why it is slow (and the bench).
  outputChannel().info(
    `live: ${walkthrough.elementCount} elements from ${session.name}: stack ${placed - started} ms, ` +
      `${reads.length} evaluates ${read - reading} ms, walkthrough ${builtAt - read} ms, panel ${Date.now() - builtAt} ms`,
  );
  const expressions: Partial<Record<ReadKey, string>> = {};
  for (const r of reads) expressions[r.key] = r.expression;
  const { losses, omitted } = summaryLosses(walkthrough.elementCount, (i) => elementLossAt(walkthrough.result, i));
  return {
    loss: walkthrough.result.loss,
    elementLosses: losses,
    elementLossesOmitted: omitted,
    preset: walkthrough.result.options.preset,
    reduction: walkthrough.result.options.reduction,
    logBase: walkthrough.result.options.logBase,
    inputKind: walkthrough.parsed.inputKind,
    elementCount: walkthrough.elementCount,
    derivationCount: walkthrough.derivations.length,
    labels: walkthrough.parsed.labels,
    roleWarning: walkthrough.parsed.roleWarning?.message ?? null,
    rolesSwapped: walkthrough.parsed.rolesSwapped === true,
    documentName: job.callPlace,
    panelReused: reused,
    live: {
      session: session.name,
      frameId: frame.frameId,
      place: placeText,
      expressions,
      dtype: input.dtypes.predictions,
      programValues: input.program?.values ?? null,
      notes: walkthrough.notes,
    },
  };
}

async function readAll(
  session: vscode.DebugSession,
  frameId: number,
  reads: readonly LiveRead[],
  mode: LiveMode,
  stillCurrent: () => boolean,
): Promise<Map<ReadKey, ReadAnswer> | undefined> {
  const answers = new Map<ReadKey, ReadAnswer>();
  const readEach = async (token?: vscode.CancellationToken) => {
    for (const read of reads) {
      // A newer stop (or a cancel) makes the rest of this fetch worthless: stop asking the adapter.
      if (token?.isCancellationRequested || !stillCurrent()) return false;
      answers.set(read.key, await evaluateInFrame(session, frameId, read.evaluate));
    }
    return true;
  };
  const done =
    mode === 'interactive'
      ? await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading the values from the paused program…'), cancellable: true },
          (_progress, token) => readEach(token),
        )
      : await readEach();
  return done ? answers : undefined;
}

/** A loss call for two arrays chosen in the Variables or Watch view: the preset and input kind come from the settings. */
export function chosenArraysCall(targets: string, predictions: string, language: CodeLanguage, scope?: vscode.ConfigurationScope): LossCall {
  const settings = readSettings(scope);
  return {
    language,
    framework: settings.preset === 'keras' || settings.preset === 'tf-keras' ? 'keras' : settings.preset === 'sklearn' ? 'sklearn' : settings.preset === 'tfjs' ? 'tfjs' : 'pytorch',
    preset: settings.preset,
    inputKind: settings.inputKind === 'logits' ? 'logits' : 'probabilities',
    callee: vscode.l10n.t('the arrays chosen in the Variables view'),
    targets,
    predictions,
    options: {},
    assignedTo: null,
    criterion: null,
    statement: { start: 0, end: 0 },
    call: { start: 0, end: 0 },
    startLine: 0,
    endLine: 0,
  };
}

/** Runs the job `request` describes again, in the focused frame (Update at the current stop, following stops). */
export async function rerunLive(extensionUri: vscode.Uri, request: LiveRequest, mode: LiveMode, stillCurrent?: () => boolean): Promise<LiveExplainResult | undefined> {
  const frame = focusedFrame();
  if (!frame.ok) return showError(notPausedMessage(frame), mode);
  if (request.kind === 'expressions') {
    const job: LiveJob = {
      call: chosenArraysCall(request.targets, request.predictions, request.language),
      request,
      callPlace: frame.session.name,
      documentUri: null,
      overrides: {},
      inputKind: readSettings().inputKind,
    };
    return runLive(extensionUri, job, frame, mode, stillCurrent);
  }
  const uri = vscode.Uri.parse(request.documentUri);
  const document = await vscode.workspace.openTextDocument(uri);
  const language = languageOfDocument(document.languageId);
  const call = language ? recogniseLossCall(document.getText(), Math.min(request.line, document.lineCount - 1), language) : null;
  if (call === null || 'problem' in call) {
    return showError(call?.problem ?? vscode.l10n.t('Line {0} of {1} no longer calls a loss.', request.line + 1, displayName(uri)), mode);
  }
  const job: LiveJob = {
    call,
    request,
    callPlace: `${displayName(uri)}:${call.startLine + 1}`,
    documentUri: uri,
    overrides: { preset: call.preset },
  };
  return runLive(extensionUri, job, frame, mode, stillCurrent);
}

