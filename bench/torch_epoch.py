"""PyTorch's side of `npm run bench`: the same models, data size, batch and optimizer as the app.

Prints one JSON line: seconds per epoch (median of the epochs after the first) for the default
dense preset (784-128-32-128-784) and the conv-upsampling preset, and the compute time of a 20x20
latent grid decode through the latent2d preset's decoder, with the thread count torch used.
Data are random pixels in [0, 1] of the digits' shape: speed, not accuracy, is measured.

Fair to PyTorch: float32, the thread count of the app's run for both torch's own pool and the BLAS
pool (set before torch loads), warm-up outside the timings, medians, the decode under no_grad.
Debian's python3-torch multiplies matrices with whatever libblas.so.3 the system points at; the
netlib reference BLAS (libblas3 alone) made its dense epoch 4.7 s and the grid decode 224 ms here,
against OpenBLAS (libopenblas0-pthread). "blas" in the output names the library in use.
"""
import json
import os
import statistics
import sys
import time

threads_arg = int(sys.argv[1]) if len(sys.argv) > 1 and int(sys.argv[1]) > 0 else 0
if threads_arg:
    # OpenBLAS starts one thread per core unless told; with torch's own pool that oversubscribes.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[name] = str(threads_arg)

import torch  # noqa: E402  (after the thread variables, which the BLAS reads when it loads)
from torch import nn  # noqa: E402

threads = threads_arg or torch.get_num_threads()
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



def blas_in_use():
    """The BLAS library this process mapped after the first matrix product."""
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    with open("/proc/self/maps") as maps:
        libs = {line.split()[-1] for line in maps if "blas" in line.lower()}
    if any("openblas" in lib for lib in libs):
        return "OpenBLAS"
    if any("mkl" in lib for lib in libs):
        return "MKL"
    if libs:
        return "reference BLAS (netlib; slow: install libopenblas0-pthread)"
    return "built in"


print(json.dumps({
    "torch": torch.__version__,
    "blas": blas_in_use(),
    "threads": threads,
    "dense": epoch_seconds(dense, (784,), 6),
    "conv": epoch_seconds(conv, (1, 28, 28), 4),
    "decodeMs": statistics.median(decode),
}))
