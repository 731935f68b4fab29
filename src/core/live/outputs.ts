// Printed arrays from a notebook's outputs, made readable to the parser. Most printouts already
// are (`tensor([...])`, `array([...], dtype=float32)`, `[1. 0. 1.]`, `tf.Tensor([...], shape=...)`);
// the repr Jupyter shows for a TensorFlow value wraps the array in `<tf.Tensor: ..., numpy=...>`,
// which is unwrapped here to the NumPy array inside.

const TF_REPR_HEAD = /<tf\.(?:Tensor|Variable)\b[^<>=]*(?:=[^<>=]*)*?numpy=/g;

/** A cell whose value is a tuple of arrays shows `(array([...]), array([...]))`: the arrays, not one tuple of them. */
const TUPLE_OF_ARRAYS = /^\(\s*((?:array|tensor|tf\.Tensor)\([\s\S]*\))\s*,?\s*\)$/;

/**
 * The outputs' text with TensorFlow's `<tf.Tensor: ... numpy=array([...])>` reprs replaced by the
 * `array([...])` inside, and a printed tuple of arrays opened up.
 */
export function readableOutputText(text: string): string {
  const unwrapped = unwrapTensorflowReprs(text);
  const tuple = TUPLE_OF_ARRAYS.exec(unwrapped.trim());
  return tuple ? tuple[1]! : unwrapped;
}

function unwrapTensorflowReprs(text: string): string {
  if (!text.includes('<tf.')) return text;
  let out = '';
  let from = 0;
  TF_REPR_HEAD.lastIndex = 0;
  for (let m = TF_REPR_HEAD.exec(text); m; m = TF_REPR_HEAD.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const close = text.indexOf('>', bodyStart);
    if (close < 0) break;
    out += `${text.slice(from, m.index)}${text.slice(bodyStart, close)}`;
    from = close + 1;
    TF_REPR_HEAD.lastIndex = from;
  }
  return out + text.slice(from);
}
