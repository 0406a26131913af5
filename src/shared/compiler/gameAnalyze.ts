import type { GraphDocument } from '../graph/document';
import { MESSAGES, type Diagnostic } from '../graph/messages';
import { LAYER_DESCRIPTORS } from '../layers/registry';
import { checkBudget } from './budget';
import { checkContractive, checkOutput } from './checks';
import { countNodes } from './counts';
import { checkGameShapes } from './gameChecks';
import { assignRoles } from './roles';
import { inferShapes } from './shapes';
import { portSources, reach, topologicalOrder, type GraphIndex } from './structure';
import type { GameAnalysis, GraphAnalysis, NodeRole } from './types';

const ofKind = (index: GraphIndex, kind: string) =>
  [...index.nodes.values()].filter((n) => n.kind === kind).map((n) => n.id);

const error = (code: Diagnostic['code'], nodeIds: string[], message: string): Diagnostic => ({
  code,
  severity: 'error',
  nodeIds,
  message,
});

/** Every node upstream of `id`, itself included; empty for null. */
const upstream = (index: GraphIndex, id: string | null) =>
  id === null ? new Set<string>() : reach([id], (n) => index.incoming.get(n)!.map((e) => e.source));

/** The one source of each Adversary port, or null; unconnected ports explained in game words. */
function adversaryPorts(index: GraphIndex, adversary: string, diagnostics: Diagnostic[]) {
  const label = index.labels.get(adversary)!;
  const sourceOf = (port: 'score' | 'fake') => {
    const edges = index.incoming.get(adversary)!.filter((e) => e.targetPort === port);
    if (edges.length === 1) return edges[0].source;
    diagnostics.push(
      edges.length === 0
        ? error('E_ADVERSARY_PORT', [adversary], MESSAGES.E_ADVERSARY_PORT(label, port))
        : error('E_INPUT_COUNT', [adversary], MESSAGES.E_INPUT_EXTRA(label, port, edges.length)),
    );
    return null;
  };
  return { score: sourceOf('score'), fake: sourceOf('fake') };
}

/** One node of a kind the game needs exactly once: the first, with a diagnostic for 0 or more. */
function single(
  ids: string[],
  missing: () => Diagnostic,
  many: () => Diagnostic,
  diagnostics: Diagnostic[],
) {
  if (ids.length === 0) diagnostics.push(missing());
  if (ids.length > 1) diagnostics.push(many());
  return ids[0] ?? null;
}

/** A node that takes no input (an Input, a Prior): where a network's values come from. */
const isSource = (index: GraphIndex, id: string) =>
  LAYER_DESCRIPTORS[index.nodes.get(id)!.kind].ports.length === 0;

/** The nodes among `ids` that nothing feeds: the sources, or a layer left unconnected. */
const sourcesAmong = (index: GraphIndex, ids: Set<string>) =>
  [...ids].filter((id) => index.incoming.get(id)!.length === 0);

/**
 * A design with an Adversary: a GAN (no Output) or an adversarial autoencoder (an Output). Finds
 * each player's layers from the Adversary's ports back to their sources, checks that they are
 * wired as compiler/game.ts describes, then infers shapes and counts as for any design.
 */
export function analyzeGame(
  doc: GraphDocument,
  index: GraphIndex,
  diagnostics: Diagnostic[],
): GraphAnalysis {
  const adversaries = ofKind(index, 'Adversary');
  if (adversaries.length > 1)
    diagnostics.push(
      error('E_MANY_ADVERSARIES', adversaries, MESSAGES.E_MANY_ADVERSARIES(adversaries.length)),
    );
  const adversary = adversaries[0];
  const outputs = ofKind(index, 'Output');
  const kind = outputs.length > 0 ? 'aae' : 'gan';
  const priors = ofKind(index, 'Prior');
  const prior = single(
    priors,
    () => error('E_GAME_PRIOR', [adversary], MESSAGES.E_GAME_PRIOR(0)),
    () => error('E_GAME_PRIOR', priors, MESSAGES.E_GAME_PRIOR(priors.length)),
    diagnostics,
  );
  const inputs = ofKind(index, 'Input');
  const input = single(
    inputs,
    () => error('E_NO_INPUT', [adversary], MESSAGES.E_NO_INPUT()),
    () => error('E_MANY_INPUTS', inputs, MESSAGES.E_MANY_INPUTS(inputs.length)),
    diagnostics,
  );
  const output =
    kind === 'aae'
      ? single(
          outputs,
          () => error('E_NO_OUTPUT', [adversary], MESSAGES.E_NO_OUTPUT()),
          () => error('E_MANY_OUTPUTS', outputs, MESSAGES.E_MANY_OUTPUTS(outputs.length)),
          diagnostics,
        )
      : null;

  const { order, onLoop } = topologicalOrder(index, diagnostics);
  // The Adversary's ports get the game's own words; every other node the usual check.
  const portDiagnostics: Diagnostic[] = [];
  const sources = portSources(index, portDiagnostics);
  diagnostics.push(...portDiagnostics.filter((d) => !adversaries.includes(d.nodeIds[0])));
  const ports = adversaryPorts(index, adversary, diagnostics);

  const judged = upstream(index, ports.score);
  const faked = upstream(index, ports.fake);
  const realSource = kind === 'gan' ? input : prior;
  const fakeStart = kind === 'gan' ? prior : input;
  const onPath =
    kind === 'aae' && input !== null && output !== null
      ? new Set(
          [...reach([input], (id) => index.outgoing.get(id)!)].filter((id) =>
            upstream(index, output).has(id),
          ),
        )
      : new Set<string>();

  // Each player starts from its own source only.
  const label = (id: string) => index.labels.get(id)!;
  const judgedSources = sourcesAmong(index, judged);
  if (ports.score && (judgedSources.length !== 1 || judgedSources[0] !== realSource))
    diagnostics.push(
      error(
        'E_GAME_SOURCE',
        [ports.score],
        MESSAGES.E_GAME_SOURCE(label(ports.score), 'discriminator', kind),
      ),
    );
  const fakedSources = sourcesAmong(index, faked);
  const fakeOk =
    kind === 'gan'
      ? fakedSources.length === 1 && fakedSources[0] === fakeStart
      : ports.fake !== null && onPath.has(ports.fake);
  if (ports.fake && !fakeOk)
    diagnostics.push(
      error(
        'E_GAME_SOURCE',
        [ports.fake],
        MESSAGES.E_GAME_SOURCE(label(ports.fake), 'generator', kind),
      ),
    );

  // The sources (Input, Prior) feed a player but are no layers of it.
  const isLayer = (id: string) => !isSource(index, id);
  const discriminator = [...judged].filter(isLayer);
  const generator = [...faked].filter(isLayer);
  const other = kind === 'gan' ? faked : new Set([...faked, ...onPath]);
  const shared = order.filter((id) => discriminator.includes(id) && other.has(id));
  if (shared.length > 0)
    diagnostics.push(error('E_GAME_SHARED', shared, MESSAGES.E_GAME_SHARED(shared.map(label))));
  const played = new Set([adversary, ...judged, ...faked, ...onPath]);
  for (const id of index.nodes.keys()) {
    if (played.has(id) || onLoop.has(id) || adversaries.includes(id)) continue;
    diagnostics.push(error('E_GAME_UNREACHABLE', [id], MESSAGES.E_GAME_UNREACHABLE(label(id))));
  }

  const { info } = inferShapes(index, order, sources, diagnostics);
  const game: GameAnalysis = {
    kind,
    adversary,
    prior,
    realSource,
    scoreSource: ports.score,
    fakeSource: ports.fake,
    generator: order.filter((id) => generator.includes(id)),
    discriminator: order.filter((id) => discriminator.includes(id)),
    autoencoder: order.filter((id) => onPath.has(id)),
  };
  checkGameShapes(index, info, game, diagnostics);
  if (input !== null && output !== null)
    checkOutput(index, info, input, output, false, diagnostics);
  checkContractive(index, info, diagnostics);

  const codeNodeId = kind === 'aae' && fakeOk ? ports.fake : null;
  const roles = gameRoles(index, game, codeNodeId);
  const { nodes, totals } = countNodes(index, info, roles, new Set());
  checkBudget(index, nodes, diagnostics);
  const valid = doc.nodes.length > 0 && !diagnostics.some((d) => d.severity === 'error');
  return { nodes, order, diagnostics, totals, codeNodeId, task: 'reconstruct', valid, game };
}

/** An AAE keeps encoder, code and decoder; the game's own parts get theirs on top. */
function gameRoles(
  index: GraphIndex,
  game: GameAnalysis,
  codeNodeId: string | null,
): Map<string, NodeRole | null> {
  const roles =
    game.kind === 'aae'
      ? assignRoles(index, codeNodeId)
      : new Map<string, NodeRole | null>([...index.nodes.keys()].map((id) => [id, null]));
  const autoencoder = new Set(game.autoencoder);
  // Assigned by reach from the code, which also finds the Adversary and the discriminator.
  for (const [id, role] of roles) if (!autoencoder.has(id) && role !== 'input') roles.set(id, null);
  for (const id of game.generator) if (game.kind === 'gan') roles.set(id, 'generator');
  for (const id of game.discriminator) roles.set(id, 'discriminator');
  for (const id of index.nodes.keys()) {
    const kind = index.nodes.get(id)!.kind;
    if (kind === 'Input') roles.set(id, 'input');
    if (kind === 'Prior') roles.set(id, 'prior');
    if (kind === 'Adversary') roles.set(id, 'adversary');
  }
  return roles;
}
