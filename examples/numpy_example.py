import numpy as np

# Five labels for one sample, as a NumPy model would return them.
y_true = np.array([1, 0, 0, 1, 1], dtype=np.float32)
y_pred = np.array([0.92, 0.15, 0.4, 0.67, 0.99], dtype=np.float32)
