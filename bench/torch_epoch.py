"""PyTorch's side of `npm run bench`: the same models, data size, batch and optimizer as the app.

Prints one JSON line: seconds per epoch (median of the epochs after the first) for the default
dense preset (784-128-32-128-784) and the conv-upsampling preset, and the compute time of a 20x20
latent grid decode through the latent2d preset's decoder, with the thread count torch used.
Data are random pixels in [0, 1] of the digits' shape: speed, not accuracy, is measured.
"""
import json
import statistics
import sys
import time

import torch
from torch import nn

threads = int(sys.argv[1]) if len(sys.argv) > 1 and int(sys.argv[1]) > 0 else torch.get_num_threads()
torch.set_num_threads(threads)
torch.manual_seed(0)
x_all = torch.rand(10000, 784)


def epoch_seconds(model, shape, epochs):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.BCELoss()
    times = []
    for _ in range(epochs):
        t0 = time.perf_counter()
        order = torch.randperm(10000)
        for i in range(0, 10000, 256):
            x = x_all[order[i:i + 256]]
            opt.zero_grad()
            loss = loss_fn(model(x.view(-1, *shape)).view(x.shape[0], -1), x)
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - t0)
    return statistics.median(times[1:])


dense = nn.Sequential(
    nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 32), nn.ReLU(),
    nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 784), nn.Sigmoid())
conv = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2),
    nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.Upsample(scale_factor=2),
    nn.Conv2d(16, 1, 3, padding=1), nn.Sigmoid())
# The latent2d preset's decoder: 2-300-500-784, tanh, tanh, linear.
decoder = nn.Sequential(nn.Linear(2, 300), nn.Tanh(), nn.Linear(300, 500), nn.Tanh(),
                        nn.Linear(500, 784))
grid = torch.rand(400, 2) * 6 - 3
with torch.no_grad():
    for _ in range(5):
        decoder(grid)
    decode = []
    for _ in range(50):
        t0 = time.perf_counter()
        decoder(grid)
        decode.append((time.perf_counter() - t0) * 1000)

print(json.dumps({
    "torch": torch.__version__,
    "threads": threads,
    "dense": epoch_seconds(dense, (784,), 4),
    "conv": epoch_seconds(conv, (1, 28, 28), 3),
    "decodeMs": statistics.median(decode),
}))
