/**
 * The winner-take-all rules and the count a lifetime rule keeps. Kept free of imports: the tfjs
 * Code layer reads it, and that class is bundled alone into the exports' custom-layers.js.
 */

/**
 * 'top-k' keeps each sample's k largest code values (training and inference; the k-sparse
 * autoencoder); 'lifetime' keeps each code value's largest rate × batch values over a training
 * batch and passes the code whole at inference (the fully connected WTA autoencoder).
 */
export const WINNER_RULES = ['none', 'top-k', 'lifetime'] as const;
export type WinnerRule = (typeof WINNER_RULES)[number];

/** How many of n values a lifetime rule keeps per unit: at least one. */
export const lifetimeKeep = (rate: number, n: number): number =>
  Math.max(1, Math.min(n, Math.ceil(rate * n - 1e-9)));
