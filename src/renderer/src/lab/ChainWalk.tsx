import { useEffect, useMemo, useState } from 'react';
import type { ChainStart, ChainWalkReply } from '../../../shared/contract/generativeQueries';
import { walkChain } from '../actions/generative';
import { composeGrid, imageGeometry } from '../recon/imageGrid';
import type { Samples } from '../stores/runState';
import { BitmapCanvas } from '../views/BitmapCanvas';
import { ViewPanel } from '../views/ViewPanel';
import './ChainWalk.css';

const PLAY_MS = 350;

interface Props {
  runId: string;
  samples: Samples;
}

/** One frame of a walk as a bitmap (null for a shape that is not a picture). */
function frameBitmap(reply: ChainWalkReply, index: number) {
  const geometry = imageGeometry(reply.shape);
  if (!geometry) return null;
  const size = reply.shape.reduce((a, b) => a * b, 1);
  return composeGrid([reply.frames.subarray(index * size, (index + 1) * size)], 1, geometry);
}

/** Where a walk started, in words. */
const startWords = (start: ChainStart) => (start === 'noise' ? 'noise' : `sample ${start + 1}`);

/**
 * The walk of a denoising autoencoder's chain, frame by frame: start from noise or a sample,
 * corrupt it with the model's noise, rebuild it, and repeat (a generative stochastic network).
 */
export function ChainWalk({ runId, samples }: Props) {
  const [start, setStart] = useState<ChainStart>('noise');
  const [steps, setSteps] = useState(20);
  const [seed, setSeed] = useState(1);
  const [reply, setReply] = useState<ChainWalkReply | null>(null);
  const [walkedBy, setWalkedBy] = useState<string | null>(null);
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const walk = () => {
    const size = samples.images.length / Math.max(1, samples.count);
    const sample =
      start === 'noise' ? null : samples.images.slice(start * size, (start + 1) * size);
    setBusy(true);
    void walkChain({ runId, start, sample, steps, seed }).then((r) => {
      setBusy(false);
      if (!r.ok) return setProblem(r.error.message);
      setProblem(null);
      setReply(r.value);
      setWalkedBy(runId);
      setFrame(0);
    });
  };

  useEffect(() => {
    if (!playing || !reply) return;
    const timer = setInterval(() => {
      setFrame((f) => {
        if (f + 1 >= reply.count) {
          setPlaying(false);
          return f;
        }
        return f + 1;
      });
    }, PLAY_MS);
    return () => clearInterval(timer);
  }, [playing, reply]);

  const strip = useMemo(
    () => (reply ? Array.from({ length: reply.count }, (_, i) => frameBitmap(reply, i)) : []),
    [reply],
  );
  const current = strip[frame] ?? null;

  return (
    <ViewPanel
      title="Walk the denoising chain"
      saveAs="chain-walk"
      testId="chain-walk"
      hint="A denoising autoencoder generates by walking: corrupt the picture with its own noise, rebuild it, draw the next picture from what it rebuilt, and repeat. Each frame is what one step rebuilt; after a few, noise turns into digit-like shapes, and the walk goes on from one digit to another."
      tools={
        <div className="chain-tools">
          <label>
            From
            <select
              value={start === 'noise' ? 'noise' : String(start)}
              onChange={(e) =>
                setStart(e.target.value === 'noise' ? 'noise' : Number(e.target.value))
              }
              aria-label="Start the walk from"
            >
              <option value="noise">noise</option>
              {Array.from({ length: Math.min(samples.count, 20) }, (_, i) => (
                <option key={i} value={i}>
                  sample {i + 1}
                </option>
              ))}
            </select>
          </label>
          <label>
            Steps
            <input
              type="number"
              min={1}
              max={200}
              value={steps}
              onChange={(e) => setSteps(Math.max(1, Math.min(200, Number(e.target.value) || 1)))}
            />
          </label>
          <label>
            Seed
            <input
              type="number"
              min={0}
              value={seed}
              onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value) || 0)))}
            />
          </label>
          <button className="button" onClick={walk} disabled={busy} data-testid="chain-walk-go">
            {busy ? 'Walking…' : 'Walk'}
          </button>
        </div>
      }
    >
      {problem && <p className="chain-problem">{problem}</p>}
      {!reply && !problem && <p className="chain-empty">Press Walk to run the chain.</p>}
      {reply && (
        <div className="chain-body">
          <p className="chain-source" data-testid="chain-source">
            Run {walkedBy} · from {startWords(reply.start)} · seed {seed} · corrupted by{' '}
            {reply.corruption} ·{' '}
            {reply.sampling === 'bernoulli'
              ? 'each step draws every pixel on or off with the probability it rebuilt'
              : 'each step goes on from the picture it rebuilt (its output is not a probability)'}
          </p>
          <div className="chain-player">
            <BitmapCanvas
              bitmap={current}
              zoom={5}
              label={`Step ${frame} of the walk`}
              testId="chain-frame"
            />
            <div className="chain-controls">
              <span className="chain-step" data-testid="chain-step">
                step {frame} of {reply.count - 1}
              </span>
              <div className="chain-buttons">
                <button className="button" onClick={() => setFrame(0)} aria-label="First step">
                  |◀
                </button>
                <button
                  className="button"
                  onClick={() => setFrame((f) => Math.max(0, f - 1))}
                  aria-label="Step back"
                >
                  ◀
                </button>
                <button
                  className="button"
                  onClick={() => {
                    if (frame + 1 >= reply.count) setFrame(0);
                    setPlaying((p) => !p);
                  }}
                  aria-label={playing ? 'Pause' : 'Play'}
                >
                  {playing ? '❚❚' : '▶'}
                </button>
                <button
                  className="button"
                  onClick={() => setFrame((f) => Math.min(reply.count - 1, f + 1))}
                  aria-label="Step forward"
                >
                  ▶▏
                </button>
              </div>
              <input
                type="range"
                min={0}
                max={reply.count - 1}
                value={frame}
                onChange={(e) => setFrame(Number(e.target.value))}
                aria-label="Step"
              />
            </div>
          </div>
          <ol className="chain-strip" data-testid="chain-strip">
            {strip.map((bitmap, i) => (
              <li key={i} className={i === frame ? 'chain-current' : ''}>
                <button className="chain-thumb" onClick={() => setFrame(i)}>
                  <BitmapCanvas bitmap={bitmap} zoom={2} label={`Step ${i}`} />
                  <span>step {i}</span>
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </ViewPanel>
  );
}
