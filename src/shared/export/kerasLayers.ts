/**
 * The app's own layers written as small Keras layers, each computing what the trainer computes
 * (src/main/services/model/layers): the same formulas, so a script trains the same model.
 */
export const PY_CUSTOM_LAYERS: Record<string, string> = {
  TiedDense: `class TiedDense(layers.Layer):
    """A decoder Dense layer that reuses the transpose of an encoder Dense layer's kernel."""

    def __init__(self, partner, activation=None, use_bias=True, **kwargs):
        super().__init__(**kwargs)
        self.partner = partner
        self.activation = keras.activations.get(activation)
        self.use_bias = use_bias

    def build(self, input_shape):
        units = self.partner.kernel.shape[0]
        self.bias = self.add_weight(name="bias", shape=(units,), initializer="zeros") if self.use_bias else None

    def call(self, inputs):
        outputs = tf.matmul(inputs, self.partner.kernel, transpose_b=True)
        if self.bias is not None:
            outputs = outputs + self.bias
        return self.activation(outputs)
`,
  Sampling: `class Sampling(layers.Layer):
    """The VAE's reparameterization, z = mean + exp(log_var / 2) * eps, plus its latent loss:
    beta * KL(N(mean, exp(log_var)) || N(0, 1)), summed over the code, averaged over the batch."""

    def __init__(self, beta=1.0, **kwargs):
        super().__init__(**kwargs)
        self.beta = beta

    def call(self, inputs, training=None):
        mean, log_var = inputs
        kl = -0.5 * tf.reduce_sum(1.0 + log_var - tf.square(mean) - tf.exp(log_var), axis=-1)
        self.add_loss(self.beta * tf.reduce_mean(kl))
        if not training:
            return mean
        return mean + tf.exp(0.5 * log_var) * tf.random.normal(tf.shape(mean))
`,
  MaskingNoise: `class MaskingNoise(layers.Layer):
    """Sets a random share of the values to zero while training (no rescaling, unlike Dropout)."""

    def __init__(self, rate=0.1, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def call(self, inputs, training=None):
        if not training or self.rate <= 0:
            return inputs
        keep = tf.cast(tf.random.uniform(tf.shape(inputs)) >= self.rate, inputs.dtype)
        return inputs * keep
`,
  SaltAndPepperNoise: `class SaltAndPepperNoise(layers.Layer):
    """Sets a random share of the values to 0 or 1 (half each) while training."""

    def __init__(self, rate=0.1, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def call(self, inputs, training=None):
        if not training or self.rate <= 0:
            return inputs
        hit = tf.random.uniform(tf.shape(inputs)) < self.rate
        salt = tf.cast(tf.random.uniform(tf.shape(inputs)) < 0.5, inputs.dtype)
        return tf.where(hit, salt, inputs)
`,
  Code: `def activation_slope(name, h):
    """dh/da written with the activation's output h, for the contractive penalty."""
    if name == "relu":
        return tf.cast(h > 0, h.dtype)
    if name == "sigmoid":
        return h * (1.0 - h)
    if name == "tanh":
        return 1.0 - tf.square(h)
    if name == "elu":
        return tf.where(h > 0, tf.ones_like(h), h + 1.0)
    if name == "selu":
        scale, alpha = 1.0507009873554805, 1.6732632423543772
        return tf.where(h > 0, scale * tf.ones_like(h), h + scale * alpha)
    if name == "softplus":
        return 1.0 - tf.exp(-h)
    return tf.ones_like(h)


class Code(layers.Layer):
    """Marks the code (the bottleneck) and adds its penalties to the loss:
    L1 sparsity (weight * batch mean of sum |h|), KL sparsity (weight * sum_j KL(rho || mean h_j))
    and the contractive penalty of the Dense layer before it (weight * batch mean of ||dh/dx||^2)."""

    def __init__(self, sparsity="none", sparsity_weight=0.001, target_rate=0.1,
                 contractive_weight=0.0, dense=None, dense_activation="linear", **kwargs):
        super().__init__(**kwargs)
        self.sparsity = sparsity
        self.sparsity_weight = sparsity_weight
        self.target_rate = target_rate
        self.contractive_weight = contractive_weight
        self.dense = dense
        self.dense_activation = dense_activation

    def call(self, h):
        flat = tf.reshape(h, (tf.shape(h)[0], -1))
        if self.sparsity == "l1":
            self.add_loss(self.sparsity_weight * tf.reduce_mean(tf.reduce_sum(tf.abs(flat), axis=-1)))
        elif self.sparsity == "kl":
            rho = self.target_rate
            rho_hat = tf.clip_by_value(tf.reduce_mean(flat, axis=0), 1e-7, 1.0 - 1e-7)
            kl = rho * tf.math.log(rho / rho_hat) + (1.0 - rho) * tf.math.log((1.0 - rho) / (1.0 - rho_hat))
            self.add_loss(self.sparsity_weight * tf.reduce_sum(kl))
        if self.contractive_weight > 0 and self.dense is not None:
            slope = tf.square(activation_slope(self.dense_activation, h))
            column_norms = tf.reduce_sum(tf.square(self.dense.kernel), axis=0)
            per_sample = tf.reduce_sum(slope * column_norms, axis=-1)
            self.add_loss(self.contractive_weight * tf.reduce_mean(per_sample))
        return h
`,
};
