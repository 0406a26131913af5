import { spawnSync } from 'node:child_process';

/**
 * The Python that can import TensorFlow and Keras, tried in order: AESTUDIO_KERAS_PYTHON, python3,
 * /usr/bin/python3. Returns the interpreter or, when none can, why (for a skipped test's title).
 */
export function findKerasPython(): { python: string; keras: string } | { reason: string } {
  const candidates = [process.env.AESTUDIO_KERAS_PYTHON, 'python3', '/usr/bin/python3'].filter(
    (c): c is string => Boolean(c),
  );
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import tensorflow, keras; print(keras.__version__)'], {
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' },
    });
    if (probe.status === 0) return { python, keras: probe.stdout.trim() };
  }
  return {
    reason: `TensorFlow and Keras are not importable by ${candidates.join(', ')} (set AESTUDIO_KERAS_PYTHON to a Python that has them)`,
  };
}
