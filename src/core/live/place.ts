// Whether a paused stack frame is in the document the cursor is in. Adapters name a frame's
// source by a file path, but on a remote host (code-server, Remote SSH) VS Code hands the
// extension a URI string instead (`vscode-remote://host:port/…/train.py`): its path is the file.

/** The file path a frame's source names, whether given as a path or as a URI string. */
export function framePath(source: string): string {
  const uri = /^[a-z][\w+.-]+:\/\/[^/]*(\/.*)?$/i.exec(source);
  if (uri === null) return source;
  const path = uri[1] ?? '/';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Whether `source` (a frame's) names the same file as any of `documentPaths`; case and slashes aside, as on Windows. */
export function sameSourceFile(source: string, documentPaths: readonly string[]): boolean {
  const normal = (p: string) => p.replace(/\\/g, '/').toLowerCase();
  const path = normal(framePath(source));
  return documentPaths.some((p) => normal(p) === path);
}
