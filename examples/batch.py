# A batch of three images, each with the labels [car, cat, dog].
labels = ["car", "cat", "dog"]
targets = [
    [1, 0, 1],
    [0, 1, 0],
    [1, 1, 0],
]
predictions = [
    [0.8, 0.3, 0.9],
    [0.2, 0.6, 0.1],
    [0.7, 0.55, 0.4],
]
