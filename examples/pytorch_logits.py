import torch

# Raw scores straight from the last linear layer: BCEWithLogitsLoss applies the sigmoid itself.
logits = torch.tensor([2.0, -1.0, 3.0])
targets = torch.tensor([1.0, 0.0, 1.0])
loss = torch.nn.BCEWithLogitsLoss()(logits, targets)  # tensor(0.1629)
