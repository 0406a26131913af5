import { Panel } from '@xyflow/react';
import { useState } from 'react';
import type { Result } from '../../../shared/contract/result';
import type { GraphDocument } from '../../../shared/graph/document';
import { useCanvasView } from '../canvas/useCanvasView';
import { appStore } from '../stores/appStore';
import { graphStore, useGraph } from '../stores/graphStore';
import { makeGeneratorFromDecoder } from '../actions/generator';
import { makeDenoising, makeSparse, makeVariational, mirrorEncoder } from './actions';
import { GeneratorNote } from './GeneratorNote';
import { editorUi } from './editorUi';
import './EditorToolbar.css';

type Action = (doc: GraphDocument) => Result<GraphDocument>;

/** The autoencoder actions: each turns the design into a kind of the lecture notes. */
const ACTIONS: { id: string; label: string; hint: string; run: Action }[] = [
  {
    id: 'mirror',
    label: 'Mirror encoder',
    hint: 'Build the decoder as the mirror image of the encoder',
    run: (doc) => mirrorEncoder(doc, { tied: false }),
  },
  {
    id: 'mirror-tied',
    label: 'Mirror encoder, tied',
    hint: 'Mirror the encoder with decoder layers that reuse its weights',
    run: (doc) => mirrorEncoder(doc, { tied: true }),
  },
  {
    id: 'denoising',
    label: 'Make denoising (Gaussian noise)',
    hint: 'Add noise to the input while training',
    run: (doc) => makeDenoising(doc, 'GaussianNoise'),
  },
  {
    id: 'denoising-dropout',
    label: 'Make denoising (dropout)',
    hint: 'Switch off half of the input values while training',
    run: (doc) => makeDenoising(doc, 'Dropout'),
  },
  {
    id: 'sparse',
    label: 'Make sparse (L1)',
    hint: 'Push most code values towards zero',
    run: (doc) => makeSparse(doc, 'l1'),
  },
  {
    id: 'sparse-kl',
    label: 'Make sparse (KL, target 0.1)',
    hint: 'Keep each code value active about 10% of the time',
    run: (doc) => makeSparse(doc, 'kl'),
  },
  {
    id: 'variational',
    label: 'Make variational',
    hint: 'Split the code into a mean and a spread and sample from them',
    run: makeVariational,
  },
  {
    id: 'decoder-generator',
    label: 'Use this decoder as a generator',
    hint: 'Make a GAN whose generator is the trained decoder, to fine-tune adversarially',
    run: makeGeneratorFromDecoder,
  },
];

/** Undo, redo, layout, fit, the autoencoder actions and the help, above the canvas. */
export function EditorToolbar() {
  const canUndo = useGraph((s) => s.history.past.length > 0);
  const canRedo = useGraph((s) => s.history.future.length > 0);
  const [menu, setMenu] = useState(false);
  const { fit, layout } = useCanvasView();
  const graph = graphStore.getState;
  const fitSoon = () => window.setTimeout(() => void fit(), 30);

  const run = (action: Action) => {
    setMenu(false);
    const result = graph().runAction(action);
    if (!result.ok) appStore.getState().showError(result.error.code, result.error.message);
    else fitSoon();
  };

  return (
    <Panel position="top-left" className="editor-toolbar" data-testid="editor-toolbar">
      <div className="tool-group">
        <button
          className="tool"
          title="Undo (Ctrl+Z)"
          aria-label="Undo"
          data-testid="undo"
          disabled={!canUndo}
          onClick={() => graph().undo()}
        >
          ↶
        </button>
        <button
          className="tool"
          title="Redo (Ctrl+Shift+Z)"
          aria-label="Redo"
          data-testid="redo"
          disabled={!canRedo}
          onClick={() => graph().redo()}
        >
          ↷
        </button>
      </div>
      <div className="tool-group">
        <button
          className="tool wide"
          title="Lay the network out left to right, in rows if it is long (L)"
          data-testid="auto-layout"
          onClick={() => layout('LR')}
        >
          Auto-layout →
        </button>
        <button
          className="tool"
          title="Lay the network out top to bottom (Shift+L)"
          aria-label="Auto-layout top to bottom"
          data-testid="layout-vertical"
          onClick={() => layout('TB')}
        >
          ↓
        </button>
        <button
          className="tool wide"
          title="Fit the network into view (F)"
          onClick={() => void fit()}
        >
          Fit
        </button>
      </div>
      <div className="tool-group menu-anchor">
        <button
          className={`tool wide accent ${menu ? 'open' : ''}`}
          aria-haspopup="menu"
          aria-expanded={menu}
          data-testid="ae-actions"
          onClick={() => setMenu(!menu)}
        >
          Autoencoder ▾
        </button>
        {menu && (
          <ul className="tool-menu" role="menu" onMouseLeave={() => setMenu(false)}>
            {ACTIONS.map((a) => (
              <li key={a.id} role="none">
                <button role="menuitem" data-testid={`action-${a.id}`} onClick={() => run(a.run)}>
                  <span>{a.label}</span>
                  <small>{a.hint}</small>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <GeneratorNote />
      <div className="tool-group">
        <button
          className="tool"
          title="Keyboard shortcuts (?)"
          aria-label="Help"
          data-testid="help-button"
          onClick={() => editorUi.getState().setHelp(true)}
        >
          ?
        </button>
      </div>
    </Panel>
  );
}
