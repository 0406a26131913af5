import { NODE_KINDS, type NodeKind } from '../../../shared/graph/document';

/** The drag-and-drop type that carries a node kind from the palette to the canvas. */
export const KIND_MIME = 'application/x-autoencoder-studio-kind';

export function writeDraggedKind(transfer: DataTransfer, kind: NodeKind): void {
  transfer.setData(KIND_MIME, kind);
  transfer.effectAllowed = 'copy';
}

/** The kind being dropped, or null when the drop is something else (a file, text). */
export function readDraggedKind(transfer: DataTransfer): NodeKind | null {
  const value = transfer.getData(KIND_MIME);
  return (NODE_KINDS as readonly string[]).includes(value) ? (value as NodeKind) : null;
}
