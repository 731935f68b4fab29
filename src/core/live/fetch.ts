// One expression per array, evaluated by the debug adapter in the paused frame, that answers
// with a line of text the existing parser reads exactly: a header (dtype, shape, element count)
// and the values flattened, each written as the shortest decimal that reads back as the same
// double. The element count is checked inside the expression before any value is converted,
// so an array past the limit costs one small answer, not a huge one.
//
// Answer format: `LW1|<dtype>|<shape, comma-separated>|<count>|<[v0, v1, ...] or empty>|END`,
// or `LW1|none|END` for None/null/undefined, or `LW1|?<type name>|END` for something that is
// not an array. The trailing `END` tells a whole answer from one the adapter cut short.
import type { CodeLanguage } from './code';

export const ANSWER_TAG = 'LW1';

/**
 * Python: the user's expression is evaluated once, as a lambda's argument. Nothing is imported:
 * `sys` is always loaded, and NumPy is used only through `sys.modules` when the program (or
 * TensorFlow, JAX, PyTorch) has loaded it. Exactness: float16/bfloat16/float32 → float64 is exact,
 * and `repr` of a Python float is the shortest round-trip decimal.
 */
export function pythonFetchExpression(expression: string, limit: number): string {
  const lim = String(Math.max(0, Math.floor(limit)));
  // t = (dtype, shape, count, thunk producing the flat values as a list of floats)
  const describe = [
    `(str(v.dtype), tuple(v.shape), int(v.numel()), lambda: v.detach().reshape(-1).cpu().double().tolist()) if hasattr(v, 'detach') and hasattr(v, 'numel')`,
    `(getattr(v.dtype, 'name', str(v.dtype)), tuple(v.shape), int(np.prod(tuple(v.shape))), lambda: np.asarray(v.numpy(), dtype='float64').ravel().tolist()) if np is not None and hasattr(v, 'numpy') and hasattr(v, 'shape') and hasattr(v, 'dtype')`,
    `(getattr(v.dtype, 'name', str(v.dtype)), tuple(v.shape), int(np.prod(tuple(v.shape))), lambda: np.asarray(v, dtype='float64').ravel().tolist()) if np is not None and hasattr(v, 'shape') and hasattr(v, 'dtype') and hasattr(v, '__array__')`,
    `('float', (), 1, lambda: [float(v)]) if isinstance(v, (int, float)) and not isinstance(v, bool)`,
    `(lambda a: ('list', tuple(a.shape), int(a.size), lambda: a.ravel().tolist()))(np.asarray(v, dtype='float64')) if np is not None and isinstance(v, (list, tuple))`,
    `('list', (len(v), len(v[0])) if len(v) and isinstance(v[0], (list, tuple)) else (len(v),), sum(len(r) if isinstance(r, (list, tuple)) else 1 for r in v), lambda: [float(x) for r in v for x in (r if isinstance(r, (list, tuple)) else [r])]) if isinstance(v, (list, tuple))`,
    `None`,
  ].join(' else ');
  const answer =
    `'${ANSWER_TAG}|none|END' if v is None else ` +
    `(lambda t: '${ANSWER_TAG}|?' + type(v).__name__ + '|END' if t is None else ` +
    `'${ANSWER_TAG}|' + t[0] + '|' + ','.join(str(int(d)) for d in t[1]) + '|' + str(t[2]) + '|' + (repr(t[3]()) if t[2] <= ${lim} else '') + '|END')` +
    `(${describe})`;
  return `(lambda v, np=__import__('sys').modules.get('numpy'): ${answer})(${expression})`;
}

/**
 * JavaScript: arrays (nested), typed arrays, TF.js tensors (`dataSync`, flat), numbers. A
 * non-finite number is written as its name, which JSON would have turned into null.
 */
export function javascriptFetchExpression(expression: string, limit: number): string {
  const lim = String(Math.max(0, Math.floor(limit)));
  return (
    `((v) => { const tag = '${ANSWER_TAG}|'; if (v === null || v === undefined) return tag + 'none|END';` +
    ` let d, s, n, f;` +
    ` if (typeof v === 'object' && typeof v.dataSync === 'function' && Array.isArray(v.shape)) { d = String(v.dtype); s = v.shape; n = v.size; f = () => Array.from(v.dataSync()); }` +
    ` else if (ArrayBuffer.isView(v) && typeof v.length === 'number') { d = v.constructor.name; s = [v.length]; n = v.length; f = () => Array.from(v); }` +
    ` else if (Array.isArray(v)) { const two = v.length > 0 && (Array.isArray(v[0]) || ArrayBuffer.isView(v[0])); d = 'Array'; s = two ? [v.length, v[0].length] : [v.length];` +
    ` n = two ? v.reduce((a, r) => a + (r && typeof r.length === 'number' ? r.length : 1), 0) : v.length; f = () => two ? v.flatMap((r) => Array.from(r)) : v; }` +
    ` else if (typeof v === 'number') { d = 'number'; s = []; n = 1; f = () => [v]; }` +
    ` else return tag + '?' + (v && v.constructor ? v.constructor.name : typeof v) + '|END';` +
    ` return tag + d + '|' + s.join(',') + '|' + n + '|' + (n <= ${lim} ? '[' + f().map((x) => typeof x === 'number' ? String(x) : typeof x === 'boolean' ? String(Number(x)) : 'NaN').join(', ') + ']' : '') + '|END'; })(${expression})`
  );
}

export function fetchExpression(expression: string, language: CodeLanguage, limit: number): string {
  return language === 'python' ? pythonFetchExpression(expression, limit) : javascriptFetchExpression(expression, limit);
}
