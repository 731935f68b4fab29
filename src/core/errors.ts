// The one constructor of InputError, so every error the engine returns has the same shape.
import type { InputError, InputErrorCode, TextRange } from './types';

export function inputError(code: InputErrorCode, message: string, range?: TextRange, suggestion?: string): InputError {
  return {
    kind: 'input-error',
    code,
    message,
    ...(range !== undefined ? { range } : {}),
    ...(suggestion !== undefined ? { suggestion } : {}),
  };
}
