// The "Loss Walkthrough" output channel, and the guard every command and message handler runs
// inside: bad input is logged at info level with its message (the user also gets it in a
// notification); anything unexpected is logged at error level with its stack and shown as a
// short message pointing at the log, and never escapes as an unhandled rejection.
import * as vscode from 'vscode';
import type { InputError } from '../core/types';

export const OUTPUT_CHANNEL_NAME = 'Loss Walkthrough';

let channel: vscode.LogOutputChannel | undefined;

/** The channel, created on first use so activation stays light. */
export function outputChannel(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true });
  return channel;
}

export function registerLog(context: vscode.ExtensionContext): void {
  context.subscriptions.push({
    dispose: () => {
      channel?.dispose();
      channel = undefined;
    },
  });
}

/** `where`: what the user was doing, e.g. "Explain Binary Cross Entropy". */
export function logInputError(where: string, error: InputError): void {
  const suggestion = error.suggestion ? ` ${error.suggestion}` : '';
  outputChannel().info(`${where}: ${error.code}: ${error.message}${suggestion}`);
}

export function reportUnexpectedError(where: string, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  try {
    outputChannel().error(`${where} failed unexpectedly: ${detail}`);
  } catch {
    // The log is for diagnosis; failing to write it must not hide the message below.
  }
  const showLog = vscode.l10n.t('Show Log');
  const message = vscode.l10n.t('Loss Walkthrough: {0} failed unexpectedly. The details are in the "{1}" output.', where, OUTPUT_CHANNEL_NAME);
  Promise.resolve(vscode.window.showErrorMessage(message, showLog)).then(
    (choice) => {
      if (choice === showLog) outputChannel().show(true);
    },
    () => undefined,
  );
}

/**
 * `handler` wrapped so that a throw or a rejection is reported (log and notification) and comes
 * back as undefined: VS Code and the webview never see an error from this extension.
 */
export function guarded<A extends unknown[], R>(where: string, handler: (...args: A) => R | PromiseLike<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      reportUnexpectedError(where, error);
      return undefined;
    }
  };
}

/** For fire-and-forget work (a re-render after a settings change): its failure is reported, not left unhandled. */
export function runGuarded(where: string, work: () => unknown): void {
  void guarded(where, work)();
}
