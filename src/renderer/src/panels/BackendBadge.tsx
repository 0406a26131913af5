import { useApp } from '../stores/appStore';

const DESCRIPTIONS = {
  'tensorflow-gpu': 'TensorFlow on the graphics card',
  webgpu: 'WebGPU on the graphics card',
  tensorflow: 'native TensorFlow on the processor',
  wasm: 'WebAssembly on the processor',
  cpu: 'plain JavaScript on the processor (slowest)',
} as const;

/** Which tfjs backend trains, and when it is not a GPU, how to get one. */
export function BackendBadge() {
  const backend = useApp((s) => s.backend);
  if (!backend) {
    return (
      <span className="backend-badge pending" data-testid="backend" title="Not known yet">
        <span className="dot" />
        Backend …
      </span>
    );
  }
  const how = backend.isGpu
    ? ''
    : `\n\nNo GPU: ${backend.hint ?? 'a machine with an NVIDIA GPU and @tensorflow/tfjs-node-gpu trains much faster.'}`;
  return (
    <span
      className={`backend-badge ${backend.isGpu ? 'gpu' : 'cpu'}`}
      data-testid="backend"
      data-backend={backend.name}
      data-adapter={backend.adapter}
      data-threads={backend.threads}
      title={`Training runs on ${DESCRIPTIONS[backend.name]}${backend.adapter ? ` (${backend.adapter})` : ''}.${how}`}
    >
      <span className="dot" />
      <strong>{backend.name}</strong>
      {backend.adapter && <span className="badge-adapter">{backend.adapter}</span>}
      {backend.threads && (
        <span className="badge-hint" data-testid="backend-threads">
          {backend.threads} {backend.threads === 1 ? 'thread' : 'threads'}
        </span>
      )}
      {!backend.isGpu && <span className="badge-hint">no GPU</span>}
    </span>
  );
}
