// Entry point for desktop and web alike (one bundle, no Node API). Activation only registers
// features; nothing heavy (MathJax) loads until a walkthrough is first shown.
import type * as vscode from 'vscode';
// First: the engine's sentences are translated from the moment its modules load.
import './language';
import { registerDebugger } from './debugger';
import { registerHover } from './hover';
import { registerLearn } from './learn';
import { registerLog } from './log';
import { registerSoftmax } from './softmax';
import { registerWalkthrough } from './walkthrough';

export function activate(context: vscode.ExtensionContext): void {
  registerLog(context);
  registerWalkthrough(context);
  registerSoftmax(context);
  registerHover(context);
  registerLearn(context);
  registerDebugger(context);
}

export function deactivate(): void {}
