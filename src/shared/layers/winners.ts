/**
 * Winner-take-all codes (Makhzani & Frey): the Code option that keeps only the largest values,
 * as the Keras config, the Keras and PyTorch scripts and the diagram write it. The tfjs class that
 * computes it is src/main/services/model/layers/code.ts.
 */
import { pyValue } from '../export/python';
import type { WinnerRule } from './winnerRule';
import { short } from './words';

export { WINNER_RULES, lifetimeKeep, type WinnerRule } from './winnerRule';

/** The Keras config keys of a code with winners; none for a code without, so old JSON is unchanged. */
export function winnersConfig(
  winners: WinnerRule,
  k: number,
  lifetimeRate: number,
): Record<string, unknown> {
  if (winners === 'top-k') return { winners, k };
  if (winners === 'lifetime') return { winners, lifetime_rate: lifetimeRate };
  return {};
}

/** The winner rule a Keras config names ('none' for a config written before winners existed). */
export const winnerRuleOf = (config: Record<string, unknown>): WinnerRule =>
  config.winners === 'top-k' || config.winners === 'lifetime' ? config.winners : 'none';

/** Whether the code changes values at inference (top-k does; lifetime and the penalties do not). */
export const winnersAtInference = (config: Record<string, unknown>): boolean =>
  winnerRuleOf(config) === 'top-k';

/** The diagram's words for the option, or null without winners. */
export function winnersDetail(winners: WinnerRule, k: number, lifetimeRate: number): string | null {
  if (winners === 'top-k') return `top ${k} win`;
  if (winners === 'lifetime') return `lifetime ${short(lifetimeRate * 100)}%`;
  return null;
}

/** The Keras class's keyword arguments for the option (none without winners). */
export function winnersPythonArgs(config: Record<string, unknown>): string[] {
  const rule = winnerRuleOf(config);
  if (rule === 'top-k') return [`winners="top-k"`, `k=${pyValue(config.k ?? 5)}`];
  if (rule === 'lifetime')
    return [`winners="lifetime"`, `lifetime_rate=${pyValue(config.lifetime_rate ?? 0.05)}`];
  return [];
}

/** The PyTorch expression of the code's value after the option (the runtime's helpers). */
export function winnersTorch(config: Record<string, unknown>, h: string): string {
  const rule = winnerRuleOf(config);
  if (rule === 'top-k') return `keep_top_k(${h}, ${pyValue(config.k ?? 5)})`;
  if (rule === 'lifetime')
    return `keep_lifetime(${h}, ${pyValue(config.lifetime_rate ?? 0.05)}, self.training)`;
  return h;
}

/** The Keras class's method that applies the option (part of the Code class's Python source). */
export const PY_WINNERS_METHOD = `    def keep_winners(self, h, training):
        """top-k: each sample's k largest values (always); lifetime: each unit's largest
        ceil(rate * batch) values over the batch (training only). The rest become zero, so the
        gradient flows through the winners only."""
        if self.winners == "none" or (self.winners == "lifetime" and not training):
            return h
        flat = tf.reshape(h, (tf.shape(h)[0], -1))
        if self.winners == "top-k":
            k = min(int(self.k), int(flat.shape[-1]))
            _, index = tf.math.top_k(flat, k=k)
            mask = tf.reduce_sum(tf.one_hot(index, tf.shape(flat)[-1], dtype=h.dtype), axis=1)
        else:
            batch = tf.shape(flat)[0]
            keep = tf.cast(tf.math.ceil(self.lifetime_rate * tf.cast(batch, "float32") - 1e-9), "int32")
            keep = tf.clip_by_value(keep, 1, batch)
            _, index = tf.math.top_k(tf.transpose(flat), k=keep)
            mask = tf.transpose(tf.reduce_sum(tf.one_hot(index, batch, dtype=h.dtype), axis=1))
        return h * tf.reshape(tf.stop_gradient(mask), tf.shape(h))
`;

/** The PyTorch runtime's helpers for the option (src/shared/export/pytorch/runtime.ts). */
export const PY_TORCH_WINNERS = `def keep_top_k(h, k):
    """Each sample's k largest code values; the rest zero (the winner-take-all code)."""
    flat = h.reshape(h.shape[0], -1)
    index = flat.topk(min(k, flat.shape[1]), dim=1).indices
    mask = torch.zeros_like(flat).scatter(1, index, 1.0)
    return (flat * mask).reshape(h.shape)


def keep_lifetime(h, rate, training):
    """While training, each code value's largest ceil(rate * batch) values over the batch."""
    if not training:
        return h
    flat = h.reshape(h.shape[0], -1)
    n = flat.shape[0]
    keep = max(1, min(n, int(torch.ceil(torch.tensor(rate * n - 1e-9)).item())))
    index = flat.topk(keep, dim=0).indices
    mask = torch.zeros_like(flat).scatter(0, index, 1.0)
    return (flat * mask).reshape(h.shape)
`;
