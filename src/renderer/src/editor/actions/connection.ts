import { analyzeGraph } from '../../../../shared/compiler';
import type { GraphDocument } from '../../../../shared/graph/document';
import { MESSAGES, nodeLabel } from '../../../../shared/graph/messages';
import { LAYER_DESCRIPTORS } from '../../../../shared/layers';
import { connect } from '../../stores/graphEdits';
import { byId } from './graphOps';

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

/** Shape problems a new connection can cause on its target: refused while dragging. */
const MISFITS = new Set(['E_SHAPE', 'E_CONV_FLAT', 'E_SAMPLING_INPUTS']);

/** Whether `from` already reaches `to` by following connections forward. */
function reaches(doc: GraphDocument, from: string, to: string): boolean {
  const next = new Map<string, string[]>();
  for (const e of doc.edges) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

/**
 * Whether a connection from `source` into a port of `target` may be made, and if not, why, in
 * words for the tooltip that follows the pointer while connecting.
 */
export function checkConnection(
  doc: GraphDocument,
  source: string,
  target: string,
  port: string,
): ConnectionCheck {
  const from = byId(doc, source);
  const to = byId(doc, target);
  if (!from || !to) return { ok: false, reason: 'Drop the connection on a layer.' };
  const fromLabel = nodeLabel(from.kind, from.name, from.id);
  const toLabel = nodeLabel(to.kind, to.name, to.id);
  if (source === target) return { ok: false, reason: `${toLabel} cannot feed itself.` };
  if (from.kind === 'Output') return { ok: false, reason: MESSAGES.E_AFTER_OUTPUT(fromLabel) };
  const ports = LAYER_DESCRIPTORS[to.kind].ports;
  if (ports.length === 0) {
    return {
      ok: false,
      reason: `${toLabel} is where the data enters: nothing can connect into it.`,
    };
  }
  if (!ports.includes(port)) return { ok: false, reason: MESSAGES.E_PORT(toLabel, port, ports) };
  if (reaches(doc, target, source)) {
    return {
      ok: false,
      reason: `This would make a loop: ${toLabel} already leads to ${fromLabel}. A model flows one way, from Input to Output.`,
    };
  }
  const trial = connect(doc, source, target, port);
  if (!trial) return { ok: false, reason: 'This connection cannot be made.' };
  const before = new Set(analyzeGraph(doc).diagnostics.map((d) => d.message));
  const misfit = analyzeGraph(trial).diagnostics.find(
    (d) => MISFITS.has(d.code) && d.nodeIds.includes(target) && !before.has(d.message),
  );
  return misfit ? { ok: false, reason: misfit.message } : { ok: true };
}
