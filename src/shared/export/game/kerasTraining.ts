/**
 * The adversarial procedure written with Keras and tf.GradientTape: each player its own
 * keras.optimizers.Adam (the Adversary's learning rate and beta_1), DISCRIMINATOR_STEPS
 * discriminator updates per generator update on each batch, labels smoothed as the Adversary
 * says, binary cross-entropy on probabilities clipped to [EPSILON, 1 - EPSILON] as the app does.
 * An adversarial autoencoder first takes a reconstruction step with the project's optimizer.
 */
import type { GameKind } from '../../compiler/game';

/** Names the procedure defines at module level: no layer variable may take them. */
export const KERAS_GAME_NAMES = [
  'EPSILON',
  'SEED',
  'BATCH_SIZE',
  'generator',
  'discriminator',
  'autoencoder',
  'encoder',
  'noise',
  'samples',
  'codes',
  'adam',
  'reconstruction_loss',
  'terms_of',
  'discriminator_update',
  'batches',
  'load_data',
  'run_options',
  'save_models',
  'MODELS',
] as const;

const HELPERS = `def prior_noise(count):
    """count samples of the Prior node: rows of PRIOR_SIZE values."""
    if PRIOR_DISTRIBUTION == "uniform":
        return tf.random.uniform((count, PRIOR_SIZE), -PRIOR_SPREAD, PRIOR_SPREAD)
    return tf.random.normal((count, PRIOR_SIZE), stddev=PRIOR_SPREAD)


def probability_loss(score, label):
    """Binary cross-entropy of the discriminator's probabilities against one label for the batch,
    the probabilities clipped to [EPSILON, 1 - EPSILON], as the app clips them."""
    p = tf.clip_by_value(tf.reshape(score, (tf.shape(score)[0], -1)), EPSILON, 1.0 - EPSILON)
    return -tf.reduce_mean(label * tf.math.log(p) + (1.0 - label) * tf.math.log(1.0 - p))


def generator_loss(score):
    """What the generator minimizes, given the discriminator's scores of what it made."""
    if GENERATOR_LOSS == "minimax":
        return -probability_loss(score, 0.0)  # log(1 - D(G(z))): saturates once D wins
    return probability_loss(score, 1.0)  # -log D(G(z)): strong gradients while D wins


def adam(learning_rate):
    """One player's own Adam, with the Adversary's learning rate and beta_1."""
    return keras.optimizers.Adam(learning_rate=learning_rate, beta_1=BETA_1, epsilon=1e-7)


def terms_of(model):
    """The extra loss terms (sparsity, penalties) the model's layers added in its last call."""
    return tf.add_n(model.losses) if model.losses else 0.0


def discriminator_update(optimizer, real, fake):
    """One discriminator step: real samples labelled REAL_LABEL, generated ones FAKE_LABEL."""
    with tf.GradientTape() as tape:
        real_score = discriminator(real, training=True)
        loss = probability_loss(real_score, REAL_LABEL) + terms_of(discriminator)
        fake_score = discriminator(fake, training=True)
        loss = loss + probability_loss(fake_score, FAKE_LABEL) + terms_of(discriminator)
    variables = discriminator.trainable_variables
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
    return float(loss), float(tf.reduce_mean(real_score)), float(tf.reduce_mean(fake_score))


def batches(x, epochs, max_steps):
    """Shuffled batches for each epoch; stops after max_steps batches when given."""
    steps = 0
    for epoch in range(epochs):
        order = np.random.permutation(len(x))
        for start in range(0, len(x), BATCH_SIZE):
            yield epoch, tf.constant(x[order[start:start + BATCH_SIZE]])
            steps += 1
            if max_steps is not None and steps >= max_steps:
                return


def report(epoch, step, losses, max_steps):
    if max_steps is not None or step % 50 == 0:
        print("epoch %d step %d: %s" % (epoch + 1, step, ", ".join("%s %.4f" % kv for kv in losses.items())), flush=True)
`;

const GAN_TRAIN = `def train(x, epochs=EPOCHS, max_steps=None):
    """The game on the samples x: per batch, DISCRIMINATOR_STEPS updates of the discriminator on
    real samples and fresh fakes, then one update of the generator through the discriminator."""
    d_optimizer = adam(DISCRIMINATOR_LEARNING_RATE)
    g_optimizer = adam(GENERATOR_LEARNING_RATE)
    for step, (epoch, real) in enumerate(batches(x, epochs, max_steps), start=1):
        count = int(real.shape[0])
        for _ in range(DISCRIMINATOR_STEPS):
            fake = generator(prior_noise(count), training=True)
            d_loss, d_real, d_fake = discriminator_update(d_optimizer, real, fake)
        # The generator learns through the discriminator; only the generator's Adam steps.
        with tf.GradientTape() as tape:
            fake = generator(prior_noise(count), training=True)
            g_terms = terms_of(generator)
            g_loss = generator_loss(discriminator(fake, training=True)) + g_terms
        variables = generator.trainable_variables
        g_optimizer.apply_gradients(zip(tape.gradient(g_loss, variables), variables))
        report(epoch, step, {"D loss": d_loss, "G loss": float(g_loss), "D(real)": d_real, "D(fake)": d_fake}, max_steps)


def generate(count):
    """count samples of the generator and the noise they came from."""
    noise = prior_noise(count)
    return generator(noise, training=False).numpy(), noise.numpy()
`;

const AAE_TRAIN = `def reconstruction_loss(output, target):
    """The autoencoder's loss as Keras computes it: a mean over the batch and the values."""
    target = tf.reshape(target, tf.shape(output))
    if RECONSTRUCTION_LOSS == "mse":
        return tf.reduce_mean(tf.square(output - target))
    p = tf.clip_by_value(output, EPSILON, 1.0 - EPSILON)
    return -tf.reduce_mean(target * tf.math.log(p) + (1.0 - target) * tf.math.log(1.0 - p))


def train(x, epochs=EPOCHS, max_steps=None):
    """Per batch: a reconstruction step (the project's optimizer), then DISCRIMINATOR_STEPS updates
    of the discriminator telling prior samples (real) from the encoder's codes (fake), then one
    update of the encoder as the generator, its loss weighted by ADVERSARIAL_WEIGHT."""
    r_optimizer = make_optimizer()
    d_optimizer = adam(DISCRIMINATOR_LEARNING_RATE)
    e_optimizer = adam(GENERATOR_LEARNING_RATE)
    for step, (epoch, batch) in enumerate(batches(x, epochs, max_steps), start=1):
        count = int(batch.shape[0])
        with tf.GradientTape() as tape:
            r_loss = reconstruction_loss(autoencoder(batch, training=True), batch) + terms_of(autoencoder)
        variables = autoencoder.trainable_variables
        r_optimizer.apply_gradients(zip(tape.gradient(r_loss, variables), variables))
        for _ in range(DISCRIMINATOR_STEPS):
            d_loss, d_real, d_fake = discriminator_update(d_optimizer, prior_noise(count), encoder(batch, training=False))
        # The encoder alone plays the generator: the decoder's weights stay out of its Adam.
        with tf.GradientTape() as tape:
            g_loss = ADVERSARIAL_WEIGHT * generator_loss(discriminator(encoder(batch, training=True), training=True))
        variables = encoder.trainable_variables
        e_optimizer.apply_gradients(zip(tape.gradient(g_loss, variables), variables))
        report(epoch, step, {"reconstruction": float(r_loss), "D loss": d_loss, "G loss": float(g_loss), "D(prior)": d_real, "D(code)": d_fake}, max_steps)
`;

/** The procedure's functions for one game. */
export const kerasGameTraining = (kind: GameKind): string[] => [
  HELPERS,
  '',
  kind === 'gan' ? GAN_TRAIN : AAE_TRAIN,
];
