import { createStore, useStore } from 'zustand';
import { fail, ok, type Result } from '../../../shared/contract/result';
import type { GraphDocument } from '../../../shared/graph/document';
import { decoderAsGenerator } from '../editor/actions/decoderGenerator';
import { matchDesign, runLabel } from '../stores/designMatch';
import { runHistory } from '../stores/runHistory';
import { runStore } from '../stores/runStore';
import { isActive } from '../stores/runState';

/** A decoder's trained weights waiting for the next Train press of the design made from it. */
export interface PendingCarry {
  runId: string;
  /** The decoder's layer names (the weights' names) and node ids in the new design. */
  layers: string[];
  decoderIds: string[];
  /** The decoder nodes as made, so an edit that changes them drops the carry. */
  made: GraphDocument['nodes'];
}

interface GeneratorState {
  carry: PendingCarry | null;
  /** What the action did, in words, until dismissed. */
  note: { text: string } | null;
  set(patch: Partial<Omit<GeneratorState, 'set'>>): void;
}

export const generatorStore = createStore<GeneratorState>()((set) => ({
  carry: null,
  note: null,
  set: (patch) => set(patch),
}));

export const useGenerator = <T>(selector: (s: GeneratorState) => T): T =>
  useStore(generatorStore, selector);

// A refusal reaches the person through the toolbar's error banner, as every action's does.
const refuse = (text: string): Result<GraphDocument> => fail('E_INVALID_GRAPH', text);

/**
 * "Use this decoder as a generator": the trained run's decoder becomes a GAN's generator (see
 * decoderAsGenerator) and its weights wait for the next Train press. Refuses in words when the
 * design on the canvas has no trained decoder.
 */
export function makeGeneratorFromDecoder(doc: GraphDocument): Result<GraphDocument> {
  const run = runStore.getState();
  if (isActive(run.phase)) return refuse('Wait until training ends, then make the generator.');
  const match = matchDesign(run, doc);
  const trained = run.runId !== null && run.epochs.length + (run.codes ? 1 : 0) > 0;
  if (!trained || match.kind === 'none' || (match.kind === 'stale' && !match.weightsFit))
    return refuse(
      'There is no trained decoder to use: train this autoencoder (a VAE or an adversarial autoencoder works best) for at least one epoch first.',
    );
  const made = decoderAsGenerator(doc);
  if (!made.ok) return refuse(made.error.message);
  const { doc: next, decoderIds, layers, codeSize } = made.value;
  const runId = run.runId!;
  const label = runLabel(runId, runHistory.getState().runs);
  const names = decoderIds.map((id) => next.nodes.find((n) => n.id === id)?.name ?? id);
  generatorStore.getState().set({
    carry: {
      runId,
      layers,
      decoderIds,
      made: next.nodes.filter((n) => decoderIds.includes(n.id)),
    },
    note: {
      text:
        `Made a GAN from the decoder of ${label}: a Prior of ${codeSize} normal random values feeds ` +
        `${names.join(', ')} (the generator, with the weights they learned), and a new discriminator ` +
        `(Dense 256, LeakyReLU 0.2, Dense 1 sigmoid) judges real digits against generated ones. ` +
        `Press Train to fine-tune the generator adversarially; Undo brings the autoencoder back.`,
    },
  });
  return ok(next);
}

/**
 * The warm start for a run of `doc`, used once: the decoder's weights when the design still has
 * its layers as they were made; undefined otherwise (an edited decoder starts fresh, as any
 * design). The next run after it has its own weights to go on from.
 */
export function takeWarmStart(doc: GraphDocument): { runId: string; layers: string[] } | undefined {
  const carry = generatorStore.getState().carry;
  if (!carry) return undefined;
  const same = carry.made.every((was) => {
    const now = doc.nodes.find((n) => n.id === was.id);
    return (
      now && now.name === was.name && JSON.stringify(now.params) === JSON.stringify(was.params)
    );
  });
  if (!same) return undefined;
  generatorStore.getState().set({ carry: null });
  return { runId: carry.runId, layers: carry.layers };
}
