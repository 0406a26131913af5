import { PRESETS } from '../../../shared/presets';
import { editorUi, useEditorUi } from '../editor/editorUi';
import { hasUnsavedChanges, newProject } from '../actions/project';
import { useProject } from '../project/projectStore';
import { useGraph } from '../stores/graphStore';
import { GraphThumbnail } from './GraphThumbnail';
import './StartGallery.css';

const close = () => editorUi.getState().setGallery(false);

/** Start a new project: an empty canvas or any preset, each with its description and a thumbnail. */
export function StartGallery() {
  const open = useEditorUi((s) => s.galleryOpen);
  const name = useProject((s) => s.name);
  // Re-read on every change of the design so the warning below is current.
  useGraph((s) => s.doc);
  if (!open) return null;
  const start = (presetId: string | null) => {
    if (newProject(presetId)) close();
  };
  const unsaved = hasUnsavedChanges();
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        className="overlay-card gallery"
        role="dialog"
        aria-label="New project"
        data-testid="start-gallery"
      >
        <div className="overlay-head">
          <div>
            <h2>New project</h2>
            <p className="muted">
              Start from an empty canvas or from an autoencoder of the lecture notes.
            </p>
          </div>
          <button className="icon-button" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        {unsaved && (
          <p className="gallery-warning">
            “{name}” has unsaved changes. Save it first (Ctrl+S) to keep them.
          </p>
        )}
        <div className="gallery-grid">
          <button
            className="gallery-card empty"
            data-testid="start-empty"
            onClick={() => start(null)}
          >
            <div className="thumbnail empty-thumb">
              <span>+</span>
            </div>
            <h3>Empty canvas</h3>
            <p>
              Design an autoencoder from scratch: drag layers from the palette and connect them.
            </p>
          </button>
          {PRESETS.map((p) => (
            <button
              key={p.id}
              className="gallery-card"
              data-testid={`start-${p.id}`}
              onClick={() => start(p.id)}
            >
              <GraphThumbnail doc={p.graph} />
              <h3>{p.title}</h3>
              <p>{p.description}</p>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
