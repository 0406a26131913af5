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
  const blas = backend.blas
    ? ` Matrix products run on ${backend.blas}, this machine's optimized math library, on ${backend.threads ?? 1} ${backend.threads === 1 ? 'thread' : 'threads'}.`
    : '';
  return (
    <span
      className={`backend-badge ${backend.isGpu ? 'gpu' : 'cpu'}`}
      data-testid="backend"
      data-backend={backend.name}
      data-adapter={backend.adapter}
      data-threads={backend.threads}
      data-blas={backend.blas}
      title={`Training runs on ${DESCRIPTIONS[backend.name]}${backend.adapter ? ` (${backend.adapter})` : ''}.${blas}${how}`}
    >
      <span className="dot" />
      <strong>{backend.name}</strong>
      {backend.adapter && <span className="badge-adapter">{backend.adapter}</span>}
      {/* One short line: the library, the threads, and "no GPU" only where nothing else says CPU. */}
      <span className="badge-hint">
        {backend.blas && <span data-testid="backend-blas">{backend.blas}</span>}
        {backend.blas && backend.threads && ' · '}
        {backend.threads && (
          <span data-testid="backend-threads">
            {backend.threads} {backend.threads === 1 ? 'thread' : 'threads'}
          </span>
        )}
        {!backend.isGpu && !backend.blas && (backend.threads ? ' · no GPU' : 'no GPU')}
      </span>
    </span>
  );
}
