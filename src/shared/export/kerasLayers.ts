/**
 * The app's own layers written as small Keras layers, each computing what the trainer computes
 * (src/main/services/model/layers): the same formulas, so a script trains the same model. Each has
 * get_config/from_config and is registered, so `model.save("m.keras")` and
 * `keras.models.load_model` round-trip a model that uses them (Keras 3).
 */

const REGISTER = '@keras.saving.register_keras_serializable(package="autoencoder_studio")';

/**
 * Layers that read another layer's kernel (a tied partner, a contractive code's Dense). A config
 * holds names, not layers: they save the other layer's name and StudioModel links them again by
 * name when a model loads, so tied weights stay one variable (no copy).
 */
const LINKING = `def keep_untracked(layer, attribute, value):
    """Sets an attribute that Keras does not track: the layer it points to belongs to the model,
    and a tracked one would be saved twice and loaded as a copy (the weights no longer tied)."""
    object.__setattr__(layer, attribute, value)


def link_layers(model):
    """Links every layer that reads another layer's kernel to that layer, by its saved name."""
    for layer in model.layers:
        linked_name = getattr(layer, "linked_name", None)
        if linked_name:
            layer.link(model.get_layer(linked_name))


${REGISTER}
class StudioModel(keras.Model):
    """A functional model that links TiedDense and Code layers again when it is loaded."""

    @classmethod
    def from_config(cls, config, custom_objects=None):
        model = super().from_config(config, custom_objects=custom_objects)
        link_layers(model)
        return model
`;

/** The classes whose layers must be linked again after loading: their models are StudioModels. */
export const PY_LINKED_LAYERS: ReadonlySet<string> = new Set(['TiedDense', 'Code']);

export const PY_LINKING = LINKING;

export const PY_CUSTOM_LAYERS: Record<string, string> = {
  TiedDense: `${REGISTER}
class TiedDense(layers.Layer):
    """A decoder Dense layer that reuses the transpose of an encoder Dense layer's kernel (it owns
    only its bias). The partner is a layer, or its name when loading (then linked by StudioModel)."""

    def __init__(self, partner, units=None, activation=None, use_bias=True, **kwargs):
        super().__init__(**kwargs)
        self.linked_name = partner if isinstance(partner, str) else partner.name
        self.units = units if units is not None else partner.kernel.shape[0]
        self.activation_name = activation or "linear"
        self.activation = keras.activations.get(self.activation_name)
        self.use_bias = use_bias
        keep_untracked(self, "partner", None if isinstance(partner, str) else partner)

    def link(self, partner):
        keep_untracked(self, "partner", partner)

    def build(self, input_shape):
        self.bias = self.add_weight(name="bias", shape=(self.units,), initializer="zeros") if self.use_bias else None

    def compute_output_shape(self, input_shape):
        return tuple(input_shape[:-1]) + (self.units,)

    def call(self, inputs):
        if self.partner is None:
            raise ValueError("TiedDense %r is not linked to its partner %r." % (self.name, self.linked_name))
        outputs = tf.matmul(inputs, self.partner.kernel, transpose_b=True)
        if self.bias is not None:
            outputs = outputs + self.bias
        return self.activation(outputs)

    def get_config(self):
        config = super().get_config()
        config.update(partner=self.linked_name, units=self.units, activation=self.activation_name,
                      use_bias=self.use_bias)
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)
`,
  Sampling: `${REGISTER}
class Sampling(layers.Layer):
    """The VAE's reparameterization, z = mean + exp(log_var / 2) * eps, plus its latent loss:
    beta * KL(N(mean, exp(log_var)) || N(0, 1)), summed over the code, averaged over the batch."""

    def __init__(self, beta=1.0, **kwargs):
        super().__init__(**kwargs)
        self.beta = beta

    def compute_output_shape(self, input_shape):
        return tuple(input_shape[0])

    def call(self, inputs, training=None):
        mean, log_var = inputs
        kl = -0.5 * tf.reduce_sum(1.0 + log_var - tf.square(mean) - tf.exp(log_var), axis=-1)
        self.add_loss(self.beta * tf.reduce_mean(kl))
        if not training:
            return mean
        return mean + tf.exp(0.5 * log_var) * tf.random.normal(tf.shape(mean))

    def get_config(self):
        config = super().get_config()
        config.update(beta=self.beta)
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)
`,
  MaskingNoise: `${REGISTER}
class MaskingNoise(layers.Layer):
    """Sets a random share of the values to zero while training (no rescaling, unlike Dropout)."""

    def __init__(self, rate=0.1, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def call(self, inputs, training=None):
        if not training or self.rate <= 0:
            return inputs
        keep = tf.cast(tf.random.uniform(tf.shape(inputs)) >= self.rate, inputs.dtype)
        return inputs * keep

    def get_config(self):
        config = super().get_config()
        config.update(rate=self.rate)
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)
`,
  SaltAndPepperNoise: `${REGISTER}
class SaltAndPepperNoise(layers.Layer):
    """Sets a random share of the values to 0 or 1 (half each) while training."""

    def __init__(self, rate=0.1, **kwargs):
        super().__init__(**kwargs)
        self.rate = rate

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def call(self, inputs, training=None):
        if not training or self.rate <= 0:
            return inputs
        hit = tf.random.uniform(tf.shape(inputs)) < self.rate
        salt = tf.cast(tf.random.uniform(tf.shape(inputs)) < 0.5, inputs.dtype)
        return tf.where(hit, salt, inputs)

    def get_config(self):
        config = super().get_config()
        config.update(rate=self.rate)
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)
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


${REGISTER}
class Code(layers.Layer):
    """Marks the code (the bottleneck) and adds its penalties to the loss:
    L1 sparsity (weight * batch mean of sum |h|), KL sparsity (weight * sum_j KL(rho || mean h_j))
    and the contractive penalty of the Dense layer before it (weight * batch mean of ||dh/dx||^2).
    The Dense is a layer, or its name when loading (then linked by StudioModel)."""

    def __init__(self, sparsity="none", sparsity_weight=0.001, target_rate=0.1,
                 contractive_weight=0.0, dense=None, dense_activation="linear", **kwargs):
        super().__init__(**kwargs)
        self.sparsity = sparsity
        self.sparsity_weight = sparsity_weight
        self.target_rate = target_rate
        self.contractive_weight = contractive_weight
        self.linked_name = dense if dense is None or isinstance(dense, str) else dense.name
        self.dense_activation = dense_activation
        keep_untracked(self, "dense", None if dense is None or isinstance(dense, str) else dense)

    def link(self, dense):
        keep_untracked(self, "dense", dense)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)

    def call(self, h):
        flat = tf.reshape(h, (tf.shape(h)[0], -1))
        if self.sparsity == "l1":
            self.add_loss(self.sparsity_weight * tf.reduce_mean(tf.reduce_sum(tf.abs(flat), axis=-1)))
        elif self.sparsity == "kl":
            rho = self.target_rate
            rho_hat = tf.clip_by_value(tf.reduce_mean(flat, axis=0), 1e-7, 1.0 - 1e-7)
            kl = rho * tf.math.log(rho / rho_hat) + (1.0 - rho) * tf.math.log((1.0 - rho) / (1.0 - rho_hat))
            self.add_loss(self.sparsity_weight * tf.reduce_sum(kl))
        if self.contractive_weight > 0 and self.linked_name is not None:
            if self.dense is None:
                raise ValueError("Code %r is not linked to its Dense layer %r." % (self.name, self.linked_name))
            slope = tf.square(activation_slope(self.dense_activation, h))
            column_norms = tf.reduce_sum(tf.square(self.dense.kernel), axis=0)
            per_sample = tf.reduce_sum(slope * column_norms, axis=-1)
            self.add_loss(self.contractive_weight * tf.reduce_mean(per_sample))
        return h

    def get_config(self):
        config = super().get_config()
        config.update(sparsity=self.sparsity, sparsity_weight=self.sparsity_weight,
                      target_rate=self.target_rate, contractive_weight=self.contractive_weight,
                      dense=self.linked_name, dense_activation=self.dense_activation)
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)
`,
};
