"""Builds each network spec the app's compiler writes (Keras functional JSON, the app's own
`studio` block left out) in real Keras and prints, per file, one line:
RESULT {"file", "ok", "trainable", "non_trainable", "input_shape", "output_shape"[, "error"]}."""
import json
import sys

import keras


def count(weights):
    return int(sum(w.numpy().size for w in weights))


for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            spec = json.load(f)
        # Functional.from_config reads the Keras 2 layout (batch_input_shape, list inbound nodes).
        model = keras.Model.from_config(spec["config"])
        result = {
            "file": path,
            "ok": True,
            "trainable": count(model.trainable_weights),
            "non_trainable": count(model.non_trainable_weights),
            "params": int(model.count_params()),
            "input_shape": list(model.input_shape[1:]),
            "output_shape": list(model.output_shape[1:]),
        }
    except Exception as e:  # noqa: BLE001 - reported to the test, which fails with it
        result = {"file": path, "ok": False, "error": f"{type(e).__name__}: {e}"}
    print("RESULT " + json.dumps(result), flush=True)
