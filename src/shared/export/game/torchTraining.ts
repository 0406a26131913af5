/**
 * The adversarial procedure written with torch: each player its own Adam (the Adversary's
 * learning rate and beta1), DISCRIMINATOR_STEPS discriminator updates per generator update on
 * each batch, labels smoothed as the Adversary says, binary cross-entropy on probabilities
 * clipped to [EPSILON, 1 - EPSILON] as the app computes it. An adversarial autoencoder first takes
 * a reconstruction step with the project's optimizer, then the game is played over its codes.
 */
import type { GameKind } from '../../compiler/game';

/** The helpers both games share. */
const HELPERS = `def prior_noise(count):
    """count samples of the Prior node: rows of PRIOR_SIZE values."""
    if PRIOR_DISTRIBUTION == "uniform":
        return (torch.rand(count, PRIOR_SIZE) * 2.0 - 1.0) * PRIOR_SPREAD
    return torch.randn(count, PRIOR_SIZE) * PRIOR_SPREAD


def probability_loss(score, label):
    """torch's BCELoss of the discriminator's probabilities against one label for the batch; the
    probabilities clipped to [EPSILON, 1 - EPSILON], as the app clips them."""
    p = score.reshape(score.shape[0], -1).clamp(EPSILON, 1.0 - EPSILON)
    return F.binary_cross_entropy(p, torch.full_like(p, float(label)))


def generator_loss(score):
    """What the generator minimizes, given the discriminator's scores of what it made."""
    if GENERATOR_LOSS == "minimax":
        return -probability_loss(score, 0.0)  # log(1 - D(G(z))): saturates once D wins
    return probability_loss(score, 1.0)  # -log D(G(z)): strong gradients while D wins


def adam(parameters, learning_rate):
    """One player's own Adam, with the Adversary's learning rate and beta1."""
    return torch.optim.Adam(parameters, lr=learning_rate, betas=(BETA_1, 0.999), eps=1e-7)


def terms_of(*all_terms):
    """The extra loss terms (sparsity, penalties) of the passes a loss is made of."""
    return sum(sum(t.values()) for t in all_terms)


def discriminator_update(discriminator, optimizer, real, fake):
    """One discriminator step: real samples labelled REAL_LABEL, generated ones FAKE_LABEL."""
    real_score, real_terms = discriminator.step(real)
    fake_score, fake_terms = discriminator.step(fake.detach())
    loss = probability_loss(real_score, REAL_LABEL) + probability_loss(fake_score, FAKE_LABEL)
    loss = loss + terms_of(real_terms, fake_terms)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
    return loss.item(), real_score.mean().item(), fake_score.mean().item()


def batches(count, max_steps):
    """Shuffled batch rows for each epoch; stops after max_steps batches when given."""
    steps = 0
    for epoch in range(EPOCHS):
        order = torch.randperm(count)
        for start in range(0, count, BATCH_SIZE):
            yield epoch, order[start:start + BATCH_SIZE]
            steps += 1
            if max_steps is not None and steps >= max_steps:
                return


def report(epoch, step, losses, max_steps):
    if max_steps is not None or step % 50 == 0:
        say("epoch %d step %d: %s" % (epoch + 1, step, ", ".join("%s %.4f" % kv for kv in losses.items())))
`;

const GAN_TRAIN = `def train(args):
    """The game on the samples given: per batch, DISCRIMINATOR_STEPS updates of the discriminator
    on real samples and fresh fakes, then one update of the generator through the discriminator."""
    generator, discriminator = Generator(), Discriminator()
    x = load_data(args.data, Discriminator.INPUT_SHAPE)
    d_optimizer = adam(discriminator.parameters(), DISCRIMINATOR_LEARNING_RATE)
    g_optimizer = adam(generator.parameters(), GENERATOR_LEARNING_RATE)
    generator.train()
    discriminator.train()
    for step, (epoch, rows) in enumerate(batches(len(x), args.max_steps), start=1):
        real = x[rows]
        for _ in range(DISCRIMINATOR_STEPS):
            with torch.no_grad():
                fake = generator(prior_noise(len(real)))
            d_loss, d_real, d_fake = discriminator_update(discriminator, d_optimizer, real, fake)
        # The generator learns through the discriminator; only the generator's Adam steps.
        fake, g_terms = generator.step(prior_noise(len(real)))
        score, d_terms = discriminator.step(fake)
        g_loss = generator_loss(score) + terms_of(g_terms)
        g_optimizer.zero_grad(set_to_none=True)
        g_loss.backward()
        g_optimizer.step()
        report(epoch, step, {"D loss": d_loss, "G loss": g_loss.item(), "D(real)": d_real, "D(fake)": d_fake}, args.max_steps)
    return {"generator": generator, "discriminator": discriminator}


def generate(models, count):
    """count samples of the generator (eval mode) and the noise they came from."""
    generator = models["generator"]
    generator.eval()
    with torch.no_grad():
        noise = prior_noise(count)
        return generator(noise), noise


def trained_models(path):
    """The networks with the app's trained weights (fresh ones, said so, when there are none)."""
    models = {"generator": Generator(), "discriminator": Discriminator()}
    load_trained(models, path)
    return models
`;

const AAE_TRAIN = `def train(args):
    """Per batch: a reconstruction step (the project's optimizer), then DISCRIMINATOR_STEPS updates
    of the discriminator telling prior samples (real) from the encoder's codes (fake), then one
    update of the encoder as the generator, its loss weighted by ADVERSARIAL_WEIGHT."""
    autoencoder, discriminator = Autoencoder(), Discriminator()
    x = load_data(args.data, Autoencoder.INPUT_SHAPE)
    r_optimizer = make_optimizer(autoencoder.parameters())
    d_optimizer = adam(discriminator.parameters(), DISCRIMINATOR_LEARNING_RATE)
    # The encoder alone plays the generator: the decoder's weights stay out of its Adam.
    e_optimizer = adam([p for m in autoencoder.ENCODER for p in getattr(autoencoder, m).parameters()], GENERATOR_LEARNING_RATE)
    autoencoder.train()
    discriminator.train()
    for step, (epoch, rows) in enumerate(batches(len(x), args.max_steps), start=1):
        batch = x[rows]
        output, _, terms = autoencoder.run(batch)
        r_loss = reconstruction_loss(autoencoder.LOSS, output, batch) + terms_of(terms)
        r_optimizer.zero_grad(set_to_none=True)
        r_loss.backward()
        r_optimizer.step()
        for _ in range(DISCRIMINATOR_STEPS):
            with torch.no_grad():
                codes = autoencoder.run(batch)[1]
            d_loss, d_real, d_fake = discriminator_update(discriminator, d_optimizer, prior_noise(len(batch)), codes)
        codes = autoencoder.run(batch)[1]
        score, _ = discriminator.step(codes)
        g_loss = ADVERSARIAL_WEIGHT * generator_loss(score)
        e_optimizer.zero_grad(set_to_none=True)
        g_loss.backward()
        e_optimizer.step()
        report(epoch, step, {"reconstruction": r_loss.item(), "D loss": d_loss, "G loss": g_loss.item(), "D(prior)": d_real, "D(code)": d_fake}, args.max_steps)
    return {"autoencoder": autoencoder, "discriminator": discriminator}


def decoder_of(autoencoder):
    """The decoder alone (code -> output), its layers copied from the autoencoder."""
    decoder = Decoder()
    for mine, theirs in Decoder.SHARED:
        getattr(decoder, mine).load_state_dict(getattr(autoencoder, theirs).state_dict())
    return decoder


def generate(models, count):
    """count samples of the decoder from prior noise (eval mode), the adversarial autoencoder's
    way of generating, and the noise they came from."""
    decoder = decoder_of(models["autoencoder"])
    decoder.eval()
    with torch.no_grad():
        noise = prior_noise(count)
        return decoder(noise), noise


def trained_models(path):
    """The networks with the app's trained weights (fresh ones, said so, when there are none)."""
    models = {"autoencoder": Autoencoder(), "discriminator": Discriminator()}
    load_trained(models, path)
    return models
`;

/** The train, generate and trained_models functions of one game. */
export const gameTraining = (kind: GameKind): string[] => [
  HELPERS,
  '',
  kind === 'gan' ? GAN_TRAIN : AAE_TRAIN,
];
