// The last hover's work, kept for the next request: VS Code asks again each time the pointer
// rests on another character, and along one array of 100,000 numbers every answer is the same.
// Valid only for the same document version, the same settings and a position inside the array
// it was computed for. Pure: no vscode import.
import type { LinePosition } from './window';
import type { DocumentRange } from './plan';

export interface MemoKey {
  readonly uri: string;
  readonly version: number;
  /** Everything else the answer depends on (settings), as one string. */
  readonly context: string;
}

function inside(range: DocumentRange, p: LinePosition): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character < range.end.character);
  return afterStart && beforeEnd;
}

export class HoverMemo<T> {
  private last: { key: MemoKey; range: DocumentRange; value: T } | undefined;

  get(key: MemoKey, position: LinePosition): T | undefined {
    const last = this.last;
    if (!last || last.key.uri !== key.uri || last.key.version !== key.version || last.key.context !== key.context) return undefined;
    return inside(last.range, position) ? last.value : undefined;
  }

  set(key: MemoKey, range: DocumentRange, value: T): void {
    this.last = { key, range, value };
  }

  clear(): void {
    this.last = undefined;
  }
}
