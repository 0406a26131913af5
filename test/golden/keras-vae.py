"""
Variational autoencoder (8-value code): exported from Autoencoder Studio.

Builds the same model with the Keras functional API, compiles it with the project's settings
and trains it on random placeholder data. Replace x_train with your own data (values in [0, 1]).
Parameters: 268,900 (268,900 trainable).
"""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


# The app's own layers, as small Keras layers.

class Sampling(layers.Layer):
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



# The model, layer by layer, with the names of the graph.
inputs = keras.Input(shape=(784,), name="digits")
encoder_1 = layers.Dense(150, activation="selu", name="encoder_1")(inputs)
encoder_2 = layers.Dense(100, activation="selu", name="encoder_2")(encoder_1)
mean = layers.Dense(8, name="mean")(encoder_2)
log_variance = layers.Dense(8, name="log_variance")(encoder_2)
sampling = Sampling(beta=0.0012755102040816326, name="sampling")([mean, log_variance])
decoder_1 = layers.Dense(100, activation="selu", name="decoder_1")(sampling)
decoder_2 = layers.Dense(150, activation="selu", name="decoder_2")(decoder_1)
decoder_3 = layers.Dense(784, activation="sigmoid", name="decoder_3")(decoder_2)

autoencoder = keras.Model(inputs, decoder_3, name="autoencoder")
encoder = keras.Model(inputs, sampling, name="encoder")

autoencoder.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.002),
    loss="binary_crossentropy",
)
autoencoder.summary()

# Placeholder data: replace with your own.
x_train = np.random.rand(1000, 784).astype("float32")
y_train = x_train  # an autoencoder learns to give back its input
history = autoencoder.fit(x_train, y_train, epochs=12, batch_size=128, validation_split=0.1)
