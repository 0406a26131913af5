import { useApp } from '../stores/appStore';

const NAMES = {
  'tensorflow-gpu': 'TensorFlow GPU',
  tensorflow: 'TensorFlow CPU',
  wasm: 'WebAssembly',
  cpu: 'Plain CPU',
} as const;

/** Which tfjs backend trains, and when it is not a GPU, how to get one. */
export function BackendBadge() {
  const backend = useApp((s) => s.backend);
  if (!backend) {
    return (
      <span className="backend-badge pending" data-testid="backend" title="Not known yet">
        Backend: …
      </span>
    );
  }
  const hint = backend.isGpu
    ? 'Training runs on the graphics card.'
    : (backend.hint ?? 'Training runs on the processor. A GPU build of TensorFlow trains faster.');
  return (
    <span
      className={`backend-badge ${backend.isGpu ? 'gpu' : 'cpu'}`}
      data-testid="backend"
      data-backend={backend.name}
      title={hint}
    >
      <span className="dot" />
      {NAMES[backend.name]}
      {!backend.isGpu && <span className="badge-hint">no GPU · hover for how</span>}
    </span>
  );
}
