// The engine (src/core, src/render) cannot import vscode, so it writes its sentences through
// @vscode/l10n; this hands that library the bundle VS Code loaded for the display language.
// It runs when the module is evaluated, imported first by extension.ts, so that text the engine
// builds as its modules load is translated too. In English there is no bundle: nothing to do.
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

const bundle = vscode.l10n.bundle;
if (bundle) l10n.config({ contents: bundle });
