/**
 * The Python helpers every exported PyTorch script carries: the app's layers and terms written
 * with torch, computing what the trainer computes (src/main/services/model/layers), so the script
 * trains and predicts the same model. Tensors between layers are channels-last, as in Keras and
 * tfjs, so a Flatten or Reshape orders values as the app does; only inside a convolution are they
 * channels-first, as torch wants them.
 */

import { PY_TORCH_WINNERS } from '../../layers/winners';

/** Names the helpers define at module level: no generated variable may shadow them. */
export const RUNTIME_NAMES = [
  'EPSILON',
  'SELU_SCALE',
  'SELU_ALPHA',
  'same_padding',
  'glorot_uniform_',
  'he_normal_',
  'activation_slope',
  'upsample',
  'sample',
  'l1_term',
  'kl_sparsity_term',
  'contractive_term',
  'keep_top_k',
  'keep_lifetime',
  'kl_term',
  'Conv2d',
  'ConvTranspose2d',
  'MaxPool2d',
  'BatchNorm',
  'GaussianNoise',
  'MaskingNoise',
  'SaltAndPepperNoise',
  'TiedDense',
  'reconstruction_loss',
  'make_optimizer',
  'count_params',
  'load_weights',
  'load_data',
  'fit',
  'encode_all',
  'accuracy',
  'predict',
  'main',
  'WORLD_RANK',
  'WORLD_SIZE',
  'DEVICE',
  'say',
  'start_distributed',
  'stop_distributed',
  'StepModule',
  'dist',
  'DistributedDataParallel',
  'DistributedSampler',
] as const;

export const PY_RUNTIME = `EPSILON = 1e-7  # Keras' epsilon: keeps the logarithms of the cross-entropies finite
SELU_SCALE, SELU_ALPHA = 1.0507009873554805, 1.6732632423543772


def same_padding(n, k, s):
    """Keras' 'same' padding of one side: (before, after), with the odd pixel after."""
    total = max((-(-n // s) - 1) * s + k - n, 0)
    return total // 2, total - total // 2


def glorot_uniform_(w, fan_in, fan_out):
    """Keras' GlorotUniform: U(-limit, limit), limit = sqrt(6 / (fan_in + fan_out))."""
    limit = (6.0 / (fan_in + fan_out)) ** 0.5
    return nn.init.uniform_(w, -limit, limit)


def he_normal_(w, fan_in):
    """Keras' HeNormal: a normal truncated at two deviations, scaled to variance 2 / fan_in."""
    std = (2.0 / fan_in) ** 0.5 / 0.87962566103423978
    return nn.init.trunc_normal_(w, 0.0, std, -2 * std, 2 * std)


def activation_slope(name, h):
    """dh/da written with the activation's output h, for the contractive penalty."""
    if name == "relu":
        return (h > 0).to(h.dtype)
    if name == "sigmoid":
        return h * (1.0 - h)
    if name == "tanh":
        return 1.0 - h * h
    if name == "elu":
        return torch.where(h > 0, torch.ones_like(h), h + 1.0)
    if name == "selu":
        return torch.where(h > 0, torch.full_like(h, SELU_SCALE), h + SELU_SCALE * SELU_ALPHA)
    if name == "softplus":
        return 1.0 - torch.exp(-h)
    return torch.ones_like(h)


def upsample(x, size):
    """Keras' UpSampling2D (nearest): repeats each pixel size times down and across."""
    return x.repeat_interleave(size, dim=1).repeat_interleave(size, dim=2)


def sample(mean, log_var, training):
    """The VAE's reparameterization while training; the mean itself at inference."""
    if not training:
        return mean
    return mean + torch.exp(0.5 * log_var) * torch.randn_like(mean)


def l1_term(h, weight):
    """weight * batch mean of sum |h|."""
    return weight * torch.mean(torch.sum(torch.abs(h.reshape(h.shape[0], -1)), dim=-1))


def kl_sparsity_term(h, weight, rho):
    """weight * sum_j KL(rho || batch-mean activation of j)."""
    rho_hat = torch.mean(h.reshape(h.shape[0], -1), dim=0).clamp(EPSILON, 1.0 - EPSILON)
    kl = rho * torch.log(rho / rho_hat) + (1.0 - rho) * torch.log((1.0 - rho) / (1.0 - rho_hat))
    return weight * torch.sum(kl)


def contractive_term(h, dense_weight, activation_name, weight):
    """weight * batch mean of ||dh/dx||^2 for h = act(x W + b), in closed form."""
    slope = activation_slope(activation_name, h) ** 2
    column_norms = torch.sum(dense_weight * dense_weight, dim=1)
    return weight * torch.mean(torch.sum(slope * column_norms, dim=-1))


${PY_TORCH_WINNERS}

def kl_term(mean, log_var, beta):
    """beta * KL(N(mean, exp(log_var)) || N(0, 1)), summed over the code, averaged over the batch."""
    kl = -0.5 * torch.sum(1.0 + log_var - mean * mean - torch.exp(log_var), dim=-1)
    return beta * torch.mean(kl)


class Conv2d(nn.Conv2d):
    """Keras' Conv2D on channels-last images, with Keras' 'same' or 'valid' padding."""

    def __init__(self, channels, filters, kernel, stride, padding):
        super().__init__(channels, filters, kernel, stride)
        self.same = padding == "same"

    def forward(self, x):
        x = x.permute(0, 3, 1, 2)
        if self.same:
            k, s = self.kernel_size[0], self.stride[0]
            top, bottom = same_padding(x.shape[2], k, s)
            left, right = same_padding(x.shape[3], k, s)
            x = F.pad(x, (left, right, top, bottom))
        return super().forward(x).permute(0, 2, 3, 1)


class ConvTranspose2d(nn.ConvTranspose2d):
    """Keras' Conv2DTranspose on channels-last images: the full transposed convolution, cropped
    (or extended) to the size Keras gives, 'same' cropping the odd pixel at the end."""

    def __init__(self, channels, filters, kernel, stride, padding, in_size, out_size):
        full = [(n - 1) * stride + kernel for n in in_size]
        extra = max(max(o - f for o, f in zip(out_size, full)), 0)
        super().__init__(channels, filters, kernel, stride, output_padding=extra)
        self.start = max(kernel - stride, 0) // 2 if padding == "same" else 0
        self.out_size = out_size

    def forward(self, x):
        y = super().forward(x.permute(0, 3, 1, 2))
        (h, w), s = self.out_size, self.start
        return y[:, :, s:s + h, s:s + w].permute(0, 2, 3, 1)


class MaxPool2d(nn.Module):
    """Keras' MaxPooling2D on channels-last images ('same' pads with -inf, as Keras does)."""

    def __init__(self, pool, stride, padding):
        super().__init__()
        self.pool, self.stride, self.same = pool, stride, padding == "same"

    def forward(self, x):
        x = x.permute(0, 3, 1, 2)
        if self.same:
            top, bottom = same_padding(x.shape[2], self.pool, self.stride)
            left, right = same_padding(x.shape[3], self.pool, self.stride)
            x = F.pad(x, (left, right, top, bottom), value=float("-inf"))
        return F.max_pool2d(x, self.pool, self.stride).permute(0, 2, 3, 1)


class BatchNorm(nn.BatchNorm1d):
    """Keras' BatchNormalization over the last axis, whatever the rank (Keras' momentum m is
    torch's 1 - m; torch remembers the unbiased batch variance, Keras the biased one)."""

    def forward(self, x):
        return super().forward(x.reshape(-1, x.shape[-1])).reshape(x.shape)


class GaussianNoise(nn.Module):
    """Adds N(0, stddev) noise while training."""

    def __init__(self, stddev):
        super().__init__()
        self.stddev = stddev

    def forward(self, x):
        return x + self.stddev * torch.randn_like(x) if self.training else x


class MaskingNoise(nn.Module):
    """Sets a random share of the values to zero while training (no rescaling, unlike Dropout)."""

    def __init__(self, rate):
        super().__init__()
        self.rate = rate

    def forward(self, x):
        if not self.training or self.rate <= 0:
            return x
        return x * (torch.rand_like(x) >= self.rate).to(x.dtype)


class SaltAndPepperNoise(nn.Module):
    """Sets a random share of the values to 0 or 1 (half each) while training."""

    def __init__(self, rate):
        super().__init__()
        self.rate = rate

    def forward(self, x):
        if not self.training or self.rate <= 0:
            return x
        hit = torch.rand_like(x) < self.rate
        salt = (torch.rand_like(x) < 0.5).to(x.dtype)
        return torch.where(hit, salt, x)


class TiedDense(nn.Module):
    """A decoder Dense layer that reuses the transpose of an encoder layer's weight: it owns only
    its bias, and gradients through it reach the encoder's weight."""

    def __init__(self, units, bias=True):
        super().__init__()
        self.bias = nn.Parameter(torch.zeros(units)) if bias else None

    def forward(self, x, partner_weight):
        return F.linear(x, partner_weight.t(), self.bias)


def reconstruction_loss(name, output, target):
    """The loss as Keras computes it: a mean over the batch (and the values, but categorical)."""
    target = target.reshape(output.shape)
    if name == "mse":
        return torch.mean((output - target) ** 2)
    p = output.clamp(EPSILON, 1.0 - EPSILON)
    if name == "binary_crossentropy":
        return -torch.mean(target * torch.log(p) + (1.0 - target) * torch.log(1.0 - p))
    return -torch.mean(torch.sum(target * torch.log(p), dim=-1))


def count_params(model):
    """(all, trainable) as Keras counts them: batch norm's running statistics are weights too."""
    learned = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    running = sum(b.numel() for n, b in model.named_buffers() if n.endswith(("running_mean", "running_var")))
    return learned + running, trainable


def load_weights(model, path):
    """Copies the app's trained weights (an .npz, named as the app names them) into the model."""
    arrays = np.load(path, allow_pickle=False)
    state = model.state_dict()
    with torch.no_grad():
        for key, target, order in model.WEIGHTS:
            if key not in arrays:
                raise SystemExit("%s has no weight %r: it was saved from another design." % (path, key))
            value = torch.from_numpy(np.ascontiguousarray(np.transpose(arrays[key], order)))
            if tuple(value.shape) != tuple(state[target].shape):
                raise SystemExit("The weight %r in %s does not fit this model." % (key, path))
            state[target].copy_(value)


def load_data(path, shape, placeholder=1000):
    """Samples from an .npy file (values in [0, 1]; 0-255 integers are scaled), else random ones."""
    if path is None:
        say("No data given: training on random placeholder data.")
        return torch.rand(placeholder, *shape)
    x = np.load(path, allow_pickle=False).astype("float32")
    if x.max() > 1.0:
        x = x / 255.0
    return torch.from_numpy(x.reshape(len(x), *shape))


# One process alone trains on the CPU. Under torchrun (which sets RANK, WORLD_SIZE and LOCAL_RANK)
# each process is one rank of WORLD_SIZE, on its own GPU where there are GPUs.
WORLD_RANK, WORLD_SIZE, DEVICE = 0, 1, torch.device("cpu")


def say(*values):
    """Prints from the first process only, so torchrun's output shows each message once."""
    if WORLD_RANK == 0:
        print(*values, flush=True)


def start_distributed():
    """Joins the other processes when torchrun started this one: NCCL between GPUs, Gloo on CPUs."""
    global WORLD_RANK, WORLD_SIZE, DEVICE
    if not all(k in os.environ for k in ("RANK", "WORLD_SIZE", "LOCAL_RANK")):
        return
    if torch.cuda.is_available():
        DEVICE = torch.device("cuda", int(os.environ["LOCAL_RANK"]))
        torch.cuda.set_device(DEVICE)
    dist.init_process_group("nccl" if DEVICE.type == "cuda" else "gloo")
    WORLD_RANK, WORLD_SIZE = dist.get_rank(), dist.get_world_size()


def stop_distributed():
    if dist.is_available() and dist.is_initialized():
        dist.destroy_process_group()


class StepModule(nn.Module):
    """A training step as a module's forward, so DistributedDataParallel can wrap it: DDP averages
    the gradients of the parameters that a call to forward uses."""

    def __init__(self, model, step):
        super().__init__()
        self.model, self.run_step = model, step

    def forward(self, x):
        return self.run_step(x)


def fit(model, step, x, y, parameters, loss_name, epochs, batch_size, label, max_steps=None):
    """Trains the parameters on (x, y) with the project's optimizer; step(batch) gives (output, terms).
    Under torchrun each process takes its share of the samples (a DistributedSampler's) and of each
    batch, and DistributedDataParallel averages the gradients, so a step still averages over the
    project's batch size and every process keeps the same weights."""
    optimizer = make_optimizer([p for p in parameters if p.requires_grad])
    model.to(DEVICE)
    model.train()
    run, sampler = step, None
    if WORLD_SIZE > 1:
        # Greedy phases use some of the parameters only: DDP must look for the unused ones.
        ids = [DEVICE.index] if DEVICE.type == "cuda" else None
        run = DistributedDataParallel(StepModule(model, step), device_ids=ids, find_unused_parameters=True)
        sampler = DistributedSampler(x, num_replicas=WORLD_SIZE, rank=WORLD_RANK, shuffle=True, seed=SEED)
        batch_size = -(-batch_size // WORLD_SIZE)
    steps, last = 0, float("nan")
    for epoch in range(epochs):
        if sampler is None:
            order = torch.randperm(len(x))
        else:
            sampler.set_epoch(epoch)
            order = torch.tensor(list(sampler))
        total, batches = 0.0, 0
        for start in range(0, len(order), batch_size):
            rows = order[start:start + batch_size]
            output, terms = run(x[rows].to(DEVICE))
            loss = reconstruction_loss(loss_name, output, y[rows].to(DEVICE)) + sum(terms.values())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            last = loss.item()
            total, batches, steps = total + last, batches + 1, steps + 1
            if max_steps is not None:
                say("step %d loss %.6f" % (steps, last))
                if steps >= max_steps:
                    break
        say("%s: epoch %d/%d, loss %.4f" % (label, epoch + 1, epochs, total / max(batches, 1)))
        if max_steps is not None and steps >= max_steps:
            break
    if WORLD_SIZE > 1:
        print("Rank %d of %d: %s trained %d steps, last loss %.6f" % (WORLD_RANK, WORLD_SIZE, label, steps, last), flush=True)


def encode_all(encode, x, batch_size=1024):
    """Runs an encoder over all samples without noise, for the next greedy phase's input."""
    with torch.no_grad():
        return torch.cat([encode(x[i:i + batch_size].to(DEVICE)).cpu() for i in range(0, len(x), batch_size)])


def accuracy(model, x, labels):
    """The share of samples whose most likely class is their label."""
    model.eval()
    with torch.no_grad():
        return (model(x.to(DEVICE)).argmax(dim=-1).cpu() == labels).float().mean().item()
`;
