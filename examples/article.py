# The worked example from "Neural Networks 101: Part 8 - Binary Cross Entropy":
# one image that holds a car and a dog but no cat. Put the cursor on the arrays and run
# "Loss Walkthrough: Explain Binary Cross Entropy" (mean loss 0.228393 in nats; the article's
# 0.0991898 is the same loss in log base 10).
labels = [car, cat, dog]
targets = [1, 0, 1]
predictions = [0.8, 0.3, 0.9]
