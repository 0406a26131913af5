"""
Tied weights (784-300-150-300-784): exported from Autoencoder Studio.

Builds the same model with the Keras functional API, compiles it with the project's settings
and trains it on random placeholder data. Replace x_train with your own data (values in [0, 1]).
Parameters: 281,734 (281,734 trainable).
"""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


# The app's own layers, as small Keras layers.

class TiedDense(layers.Layer):
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



# The model, layer by layer, with the names of the graph.
inputs = keras.Input(shape=(784,), name="digits")
encoder_1_layer = layers.Dense(300, activation="relu", name="encoder_1")
encoder_1 = encoder_1_layer(inputs)
code_layer = layers.Dense(150, activation="relu", name="code")
code = code_layer(encoder_1)
decoder_1 = TiedDense(code_layer, activation="relu", name="decoder_1")(code)
decoder_2 = TiedDense(encoder_1_layer, activation="sigmoid", name="decoder_2")(decoder_1)

autoencoder = keras.Model(inputs, decoder_2, name="autoencoder")
encoder = keras.Model(inputs, code, name="encoder")

autoencoder.compile(
    optimizer=keras.optimizers.Adam(learning_rate=0.001),
    loss="binary_crossentropy",
)
autoencoder.summary()

# Placeholder data: replace with your own.
x_train = np.random.rand(1000, 784).astype("float32")
y_train = x_train  # an autoencoder learns to give back its input
history = autoencoder.fit(x_train, y_train, epochs=10, batch_size=256, validation_split=0.1)
