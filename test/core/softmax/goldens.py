# Golden values for softmax cross entropy, printed for test/core/softmax/goldens.test.ts.
# Run: /usr/bin/python3 test/core/softmax/goldens.py   (Debian python3-torch 1.13, python3-sklearn 1.2.1)
# PyTorch and scikit-learn are the real libraries. Keras 3, tf.keras and TF.js cannot be
# installed here: their rows transcribe the source formulas in NumPy float32, step by step:
#   keras/src/backend/tensorflow/nn.py categorical_crossentropy: p / sum(p), clip(eps, 1 - eps), -sum(y log p);
#     sparse_categorical_crossentropy: clip, log, then sparse_softmax_cross_entropy_with_logits;
#     from_logits: softmax_cross_entropy_with_logits, TF's kernel: L = log(sum exp(z - max)), loss = sum y (L - (z - max)).
#   keras/src/losses/losses.py: label smoothing y (1 - ls) + ls / C; reduction sum_over_batch_size = sum / N.
#   tfjs-core losses/softmax_cross_entropy.ts: z - logSumExp(z) with logSumExp = max + log(sum exp(z - max));
#     computeWeightedLoss SUM_BY_NONZERO_WEIGHTS; tfjs-layers categoricalCrossentropy: p / sum, clip, -sum(y log p).
import json
import numpy as np
import torch
from sklearn.metrics import log_loss
from scipy.special import softmax

f32 = np.float32
out = {}

Z = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [-1.2, 0.3, 3.3], [0.0, 0.0, 0.0]]
IDX = [0, 2, 1, 2]
ONEHOT = np.eye(3)[IDX].tolist()
SOFT = [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.25, 0.5, 0.25], [1 / 3, 1 / 3, 1 / 3]]
P = [[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.0, 0.05, 0.95], [0.5, 0.3, 0.1]]  # last row sums to 0.9
W = [1.0, 2.0, 0.25]

def t(x, dtype=torch.float32):
    return torch.tensor(x, dtype=dtype)

def torch_ce(z, y, **kw):
    red = kw.pop('reduction', 'mean')
    v = torch.nn.CrossEntropyLoss(reduction=red, **kw)(z, y)
    return v.tolist()

z = t(Z)
yi = torch.tensor(IDX)
out['torch_idx_mean'] = torch_ce(z, yi)
out['torch_idx_sum'] = torch_ce(z, yi, reduction='sum')
out['torch_idx_none'] = torch_ce(z, yi, reduction='none')
out['torch_idx_weight_mean'] = torch_ce(z, yi, weight=t(W))
out['torch_idx_weight_none'] = torch_ce(z, yi, weight=t(W), reduction='none')
out['torch_idx_ignore1_mean'] = torch_ce(z, torch.tensor([0, 1, 1, 2]), ignore_index=1)
out['torch_idx_ls_mean'] = torch_ce(z, yi, label_smoothing=0.1)
out['torch_idx_ls_weight_mean'] = torch_ce(z, yi, label_smoothing=0.1, weight=t(W))
out['torch_idx_ls_weight_ignore_none'] = torch_ce(z, torch.tensor([0, -100, 1, 2]), label_smoothing=0.1, weight=t(W), reduction='none')
out['torch_idx_ls_weight_ignore_mean'] = torch_ce(z, torch.tensor([0, -100, 1, 2]), label_smoothing=0.1, weight=t(W))
out['torch_onehot_weight_mean'] = torch_ce(z, t(ONEHOT), weight=t(W))
out['torch_soft_mean'] = torch_ce(z, t(SOFT))
out['torch_soft_ls_weight_none'] = torch_ce(z, t(SOFT), label_smoothing=0.2, weight=t(W), reduction='none')
out['torch_probs_idx_mean'] = torch_ce(torch.log(t(P[:2] + [[0.2, 0.3, 0.5]])), torch.tensor([0, 2, 1]))
zz = t(Z, torch.float32).requires_grad_()
torch.nn.CrossEntropyLoss(weight=t(W))(zz, yi).backward()
out['torch_idx_weight_grad'] = zz.grad.tolist()
zz = t(Z).requires_grad_()
torch.nn.CrossEntropyLoss()(zz, yi).backward()
out['torch_idx_grad'] = zz.grad.tolist()
out['torch_softmax'] = torch.softmax(t(Z), 1).tolist()
BIG = [[1e4, -1e4, 0.0], [-1e4, -1e4, 1e4]]
out['torch_big_none'] = torch_ce(t(BIG), torch.tensor([1, 2]), reduction='none')

# scikit-learn 1.2.1, float64.
out['sklearn_idx'] = log_loss(IDX, np.array(P), labels=[0, 1, 2])
out['sklearn_idx_weighted'] = log_loss(IDX, np.array(P), labels=[0, 1, 2], sample_weight=[W[i] for i in IDX])
out['sklearn_onehot'] = log_loss(np.array(ONEHOT), np.array(P))
out['sklearn_idx_logits'] = log_loss(IDX, softmax(np.array(Z), axis=1), labels=[0, 1, 2])
out['sklearn_idx_none'] = log_loss(IDX, np.array(P), labels=[0, 1, 2], normalize=False)

# Keras 3 / tf.keras, float32, from the source formulas.
EPS = f32(1e-7)
def keras_cat_probs(y, p, ls=0.0):
    y = np.array(y, f32); p = np.array(p, f32)
    if ls:
        y = y * f32(1 - ls) + f32(ls / y.shape[-1])
    p = p / p.sum(-1, keepdims=True, dtype=f32)
    p = np.clip(p, EPS, f32(1.0 - 1e-7))
    return -(y * np.log(p)).sum(-1, dtype=f32)
def tf_xent_logits(y, z):
    y = np.array(y, f32); z = np.array(z, f32)
    shifted = z - z.max(-1, keepdims=True)
    L = np.log(np.exp(shifted).sum(-1, keepdims=True, dtype=f32))
    return (y * (L - shifted)).sum(-1, dtype=f32)
def keras_sparse_probs(idx, p):
    p = np.clip(np.array(p, f32), EPS, f32(1 - 1e-7))
    return tf_xent_logits(np.eye(p.shape[1], dtype=f32)[idx], np.log(p))
def mean(v):
    v = np.asarray(v, f32)
    return float(v.sum(dtype=f32) / f32(len(v)))
out['keras_cat_probs_none'] = keras_cat_probs(ONEHOT, P).tolist()
out['keras_cat_probs_mean'] = mean(keras_cat_probs(ONEHOT, P))
out['keras_cat_probs_ls_mean'] = mean(keras_cat_probs(ONEHOT, P, 0.1))
out['keras_sparse_probs_none'] = keras_sparse_probs(IDX, P).tolist()
out['keras_logits_soft_none'] = tf_xent_logits(SOFT, Z).tolist()
out['keras_logits_idx_mean'] = mean(tf_xent_logits(ONEHOT, Z))
kw = np.array([W[i] for i in IDX], f32)
out['keras_logits_idx_classweight_mean'] = float((tf_xent_logits(ONEHOT, Z) * kw).sum(dtype=f32) / f32(4))

# TF.js, float32.
def tfjs_logits(y, z, ls=0.0):
    y = np.array(y, f32); z = np.array(z, f32)
    if ls:
        y = y * (f32(1) - f32(ls)) + f32(ls) / f32(y.shape[-1])
    m = z.max(-1, keepdims=True)
    lse = m + np.log(np.exp(z - m).sum(-1, keepdims=True, dtype=f32))
    return (-((z - lse) * y)).sum(-1, dtype=f32)
out['tfjs_logits_none'] = tfjs_logits(ONEHOT, Z).tolist()
out['tfjs_logits_mean'] = mean(tfjs_logits(ONEHOT, Z))
out['tfjs_logits_ls_mean'] = mean(tfjs_logits(SOFT, Z, 0.1))
out['tfjs_probs_none'] = keras_cat_probs(ONEHOT, P).tolist()

print(json.dumps(out, indent=1))
