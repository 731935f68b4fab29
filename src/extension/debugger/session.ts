// The DAP traffic of the live-values feature: which frame is focused, where it stands, and one
// `evaluate` per value. Only `stackTrace` and `evaluate` are sent; nothing here steps, sets
// variables or otherwise changes the program.
import * as vscode from 'vscode';
import type { ReadAnswer } from '../../core/live';

/**
 * Whether each session's adapter said it answers `evaluate` in the clipboard context, which
 * returns values whole (debugpy cuts the repl, watch and hover contexts at 65,540 characters).
 * Learned from the `initialize` response; unknown for sessions that started before activation.
 */
const clipboardSupport = new Map<string, boolean>();

export function registerCapabilityTracker(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.debug.registerDebugAdapterTrackerFactory('*', {
      createDebugAdapterTracker: (session) => ({
        onDidSendMessage: (message: unknown) => {
          const m = message as { type?: string; command?: string; body?: { supportsClipboardContext?: boolean } };
          if (m.type === 'response' && m.command === 'initialize') clipboardSupport.set(session.id, m.body?.supportsClipboardContext === true);
        },
        onWillStopSession: () => clipboardSupport.delete(session.id),
      }),
    }),
  );
}

/** The focused stack frame, or why there is none. */
export type FocusedFrame =
  | { readonly ok: true; readonly session: vscode.DebugSession; readonly threadId: number; readonly frameId: number }
  | { readonly ok: false; readonly reason: 'no-session' | 'not-paused'; readonly session?: vscode.DebugSession };

export function focusedFrame(): FocusedFrame {
  const session = vscode.debug.activeDebugSession;
  const item = vscode.debug.activeStackItem;
  if (item instanceof vscode.DebugStackFrame) return { ok: true, session: item.session, threadId: item.threadId, frameId: item.frameId };
  if (!session) return { ok: false, reason: 'no-session' };
  return { ok: false, reason: 'not-paused', session };
}

export interface FramePlace {
  readonly name: string;
  /** The frame's file as the adapter gives it (a path), or null. */
  readonly path: string | null;
  /** 1-based, as DAP numbers lines. */
  readonly line: number;
}

/** The frame's function name, file and line, from a `stackTrace` request; null if the adapter does not say. */
export async function framePlace(session: vscode.DebugSession, threadId: number, frameId: number): Promise<FramePlace | null> {
  try {
    const response = (await session.customRequest('stackTrace', { threadId, startFrame: 0, levels: 200 })) as {
      stackFrames?: { id: number; name: string; line: number; source?: { path?: string; name?: string } }[];
    };
    const frame = response.stackFrames?.find((f) => f.id === frameId);
    return frame ? { name: frame.name, path: frame.source?.path ?? frame.source?.name ?? null, line: frame.line } : null;
  } catch {
    return null;
  }
}

/** The language of a session's debuggee, for the fetch expressions. */
export function sessionLanguage(session: vscode.DebugSession): 'python' | 'javascript' {
  return /python|debugpy/i.test(session.type) ? 'python' : 'javascript';
}

/**
 * Evaluates `expression` in the frame: in the clipboard context where the adapter offers it (or
 * may: capabilities unknown), else in the repl context, whose answers the adapter may cut short
 * (the fetch answers end with a marker, so a cut answer is told apart and explained).
 */
export async function evaluateInFrame(session: vscode.DebugSession, frameId: number, expression: string): Promise<ReadAnswer> {
  const support = clipboardSupport.get(session.id);
  const attempt = async (context: 'clipboard' | 'repl'): Promise<ReadAnswer> => {
    try {
      const response = (await session.customRequest('evaluate', { expression, frameId, context })) as { result?: unknown };
      return { ok: true, result: typeof response.result === 'string' ? response.result : String(response.result) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  };
  if (support === false) return attempt('repl');
  const answer = await attempt('clipboard');
  // An adapter that did not announce its capabilities and rejects the context gets a second try.
  if (!answer.ok && support === undefined && /context|clipboard|unsupported/i.test(answer.message)) return attempt('repl');
  return answer;
}
