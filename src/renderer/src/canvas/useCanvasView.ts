import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import type { GraphDocument } from '../../../shared/graph/document';
import { autoLayout, NODE, type LayoutDirection } from '../editor/actions/layout';
import { editorUi } from '../editor/editorUi';
import { graphStore } from '../stores/graphStore';
import { compactNow } from './compactWindow';
import {
  COMFORTABLE_ZOOM,
  FIT_MAX_ZOOM,
  FIT_PADDING,
  canvasInsets,
  readableViewport,
  type Rect,
} from './readableFit';

/** The box around a document's nodes, with each node's drawn size where it is known. */
export function documentBounds(
  doc: GraphDocument,
  sizeOf: (id: string) => { width: number; height: number } | undefined,
): Rect | null {
  if (doc.nodes.length === 0) return null;
  const boxes = doc.nodes.map((n) => {
    const size = sizeOf(n.id) ?? NODE;
    return { ...n.position, right: n.position.x + size.width, bottom: n.position.y + size.height };
  });
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return {
    x,
    y,
    width: Math.max(...boxes.map((b) => b.right)) - x,
    height: Math.max(...boxes.map((b) => b.bottom)) - y,
  };
}

/** What fit keeps clear now: the minimap shows by the person's choice, else on large windows. */
const insetsNow = () => canvasInsets(editorUi.getState().minimapChoice ?? !compactNow());

/**
 * Fit and auto-layout for the canvas, both aware of its size: fit never shrinks names below
 * 9 px, and auto-layout wraps a chain too long for the canvas into bands that fit it readably.
 */
export function useCanvasView() {
  const store = useStoreApi();
  const { setViewport } = useReactFlow();

  const fitDocument = useCallback(
    (doc: GraphDocument, duration = 0): boolean => {
      const { width, height, nodeLookup } = store.getState();
      const bounds = documentBounds(doc, (id) => {
        const m = nodeLookup.get(id)?.measured;
        return m?.width && m.height ? { width: m.width, height: m.height } : undefined;
      });
      if (!bounds || width === 0 || height === 0) return false;
      void setViewport(readableViewport(bounds, { width, height }, { insets: insetsNow() }), {
        duration,
      });
      return true;
    },
    [store, setViewport],
  );

  const fit = useCallback(
    (duration = 250) => fitDocument(graphStore.getState().doc, duration),
    [fitDocument],
  );

  const layout = useCallback(
    (direction: LayoutDirection) => {
      const { width, height } = store.getState();
      const graph = graphStore.getState();
      const insets = insetsNow();
      const free = { width: width - insets.right, height: height - insets.top };
      const canvas =
        free.width > 0 && free.height > 0
          ? { ...free, padding: FIT_PADDING, maxZoom: FIT_MAX_ZOOM }
          : undefined;
      const doc = autoLayout(graph.doc, { direction, canvas, comfortableZoom: COMFORTABLE_ZOOM });
      graph.apply(doc);
      fitDocument(doc, 250);
    },
    [store, fitDocument],
  );

  return { fit, fitDocument, layout };
}
