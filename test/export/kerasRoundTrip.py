"""Checks exported Keras scripts in real Keras: each builds, trains two steps on small data, is
saved with model.save and loaded again with keras.models.load_model, and predicts the same.
With a weights file, it also predicts what the app predicted. Prints one JSON line per script.

Usage: python kerasRoundTrip.py OUT_DIR SCRIPT.py [SCRIPT.py ...]
A script may have SCRIPT.input.npy and SCRIPT.expected.npy beside it: then its trained weights are
loaded (load_trained_weights) and its predictions on the input compared with the expected ones.
"""
import importlib.util
import inspect
import json
import os
import sys
import traceback

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def custom_objects_of(module):
    return {
        name: value
        for name, value in vars(module).items()
        if inspect.isclass(value) and issubclass(value, (keras.layers.Layer, keras.Model))
        and value.__module__ == module.__name__
    }


def small_data(model, count):
    shape = tuple(model.input_shape[1:])
    rng = np.random.default_rng(0)
    x = rng.random((count,) + shape, dtype=np.float32)
    units = model.output_shape[-1]
    if model.layers[-1].get_config().get("activation") == "softmax":
        y = keras.utils.to_categorical(rng.integers(0, units, size=count), units).astype("float32")
    else:
        y = x
    return x, y


def check(out_dir, path, index):
    name = "exported_%d" % index
    result = {"script": os.path.basename(path)}
    module = load_module(path, name)
    model = module.autoencoder
    result["params"] = int(model.count_params())
    stem = path[: -len(".py")]
    if os.path.exists(stem + ".expected.npy"):
        module.load_trained_weights()
        x = np.load(stem + ".input.npy")
        want = np.load(stem + ".expected.npy")
        got = model.predict(x, verbose=0)
        result["app_max_diff"] = float(np.max(np.abs(got - want)))
    # Two steps: two batches of 8 samples, one epoch (a procedure trains each of its phases so).
    x, y = small_data(model, 16)
    train = module.train
    kwargs = {"epochs": 1, "batch_size": 8, "validation_split": 0.0}
    if "labelled" in inspect.signature(train).parameters:
        kwargs["labelled"] = 16
    histories = train(x, y, **kwargs)
    histories = histories if isinstance(histories, list) else [histories]
    result["phases"] = len(histories)
    result["losses"] = [float(h.history["loss"][-1]) for h in histories]
    before = model.predict(x, verbose=0)
    file = os.path.join(out_dir, name + ".keras")
    model.save(file)
    loaded = keras.models.load_model(file, custom_objects=custom_objects_of(module))
    after = loaded.predict(x, verbose=0)
    result["reload_max_diff"] = float(np.max(np.abs(before - after)))
    result["reload_params"] = int(loaded.count_params())
    # Tied weights stay one variable after loading: no layer holds a copy of its partner's kernel.
    tied = [l for l in loaded.layers if getattr(l, "linked_name", None)]
    result["linked"] = [
        bool(getattr(l, "partner", None) is loaded.get_layer(l.linked_name)
             or getattr(l, "dense", None) is loaded.get_layer(l.linked_name))
        for l in tied
    ]
    return result


def main():
    out_dir = sys.argv[1]
    for index, path in enumerate(sys.argv[2:]):
        try:
            result = check(out_dir, path, index)
            result["ok"] = True
        except Exception as error:  # one script's failure is reported, the others still run
            result = {"script": os.path.basename(path), "ok": False,
                      "error": "%s: %s" % (type(error).__name__, error),
                      "trace": traceback.format_exc()[-2000:]}
        print("RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
