# The worked example from "Neural Networks 101: Part 8 - Binary Cross Entropy": one image
# that holds a car and a dog but no cat. Put the cursor on the arrays and run
# "Loss Walkthrough: Explain Binary Cross Entropy". Every framework gives a mean loss of
# 0.228393 (natural log); the article's 0.0991898 is the same loss measured in log base 10.

labels = [car, cat, dog]
targets = [1, 0, 1]
predictions = [0.8, 0.3, 0.9]
