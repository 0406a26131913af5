"""
Default autoencoder (784-128-32-128-784): exported from Autoencoder Studio.

Builds the same model with the Keras functional API, compiles it with the project's settings
and trains it on random placeholder data. Replace x_train with your own data (values in [0, 1]).
Parameters: 209,968 (209,968 trainable).
"""
import numpy as np
import tensorflow as tf
from tensorflow import keras
from tensorflow.keras import layers


# The model, layer by layer, with the names of the graph.
inputs = keras.Input(shape=(784,), name="digits")
encoder_1 = layers.Dense(128, activation="relu", name="encoder_1")(inputs)
code = layers.Dense(32, activation="relu", name="code")(encoder_1)
decoder_1 = layers.Dense(128, activation="relu", name="decoder_1")(code)
decoder_2 = layers.Dense(784, activation="sigmoid", name="decoder_2")(decoder_1)

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
