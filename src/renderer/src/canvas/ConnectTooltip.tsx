import { useConnection } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { checkConnection } from '../editor/actions/connection';
import { useGraph } from '../stores/graphStore';
import './ConnectTooltip.css';

/** The connection being dragged as source, target and port, whichever end it started from. */
function useDraggedConnection(): { source: string; target: string; port: string } | null {
  return useConnection((c) => {
    if (!c.inProgress || !c.toHandle || c.isValid !== false) return null;
    const [from, to] =
      c.fromHandle.type === 'source' ? [c.fromHandle, c.toHandle] : [c.toHandle, c.fromHandle];
    return { source: from.nodeId, target: to.nodeId, port: to.id ?? 'in' };
  });
}

/**
 * The reason a connection is refused, next to the pointer while the person drags it over a port
 * it cannot connect to. The pointer is tracked always, so the tooltip appears where it is.
 */
export function ConnectTooltip() {
  const dragged = useDraggedConnection();
  const doc = useGraph((s) => s.doc);
  const key = dragged ? `${dragged.source}>${dragged.target}:${dragged.port}` : '';
  const reason = useMemo(() => {
    if (!dragged) return null;
    const check = checkConnection(doc, dragged.source, dragged.target, dragged.port);
    return check.ok ? null : check.reason;
    // The key names the connection: an equal one dragged again needs no new checks.
  }, [key, doc]);
  const last = useRef({ x: 0, y: 0 });
  const [, redraw] = useState(0);
  const shown = useRef(false);
  shown.current = reason !== null;
  useEffect(() => {
    const follow = (e: PointerEvent | MouseEvent) => {
      last.current = { x: e.clientX, y: e.clientY };
      if (shown.current) redraw((n) => n + 1);
    };
    window.addEventListener('pointermove', follow);
    window.addEventListener('mousemove', follow);
    return () => {
      window.removeEventListener('pointermove', follow);
      window.removeEventListener('mousemove', follow);
    };
  }, []);
  if (!reason) return null;
  return (
    <div
      className="connect-tooltip"
      role="tooltip"
      data-testid="connect-refused"
      style={{ left: last.current.x + 16, top: last.current.y + 14 }}
    >
      <span className="connect-tooltip-icon" aria-hidden="true">
        ⨯
      </span>
      {reason}
    </div>
  );
}
