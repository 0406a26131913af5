import type { DeadLayer, EpochMeasures } from './health';

/** The learning rate to suggest instead of one that looks too high. */
const smallerRate = (rate: number): string => (rate > 0.01 ? '0.001' : String(rate / 10));
const rateAdvice = (rate: number): string =>
  rate > 0.01
    ? `the learning rate ${rate} is probably too high; try ${smallerRate(rate)}`
    : `try a smaller learning rate (${smallerRate(rate)}) or another seed`;
const fixed = (n: number): string => (Math.abs(n) >= 0.01 ? n.toFixed(2) : n.toPrecision(2));

/** What a person reads when the loss stopped moving far above what it had reached. */
export const stalledMessage = (m: EpochMeasures, rate: number): string =>
  `The loss stopped changing at ${fixed(m.trainLoss)} after epoch ${m.epoch}, far above the ` +
  `${fixed(m.lowestBatchLoss)} it had reached: the model has stopped learning. ${capital(rateAdvice(rate))}.`;

export const zeroGradientsMessage = (epoch: number, rate: number): string =>
  `Every gradient was zero in epoch ${epoch}, so the weights no longer change and training ` +
  `cannot improve the model. ${capital(rateAdvice(rate))}.`;

export const deadUnitsMessage = (d: DeadLayer, rate: number): string => {
  const what =
    d.activation === 'relu'
      ? 'output zero for every sample (dead ReLUs)'
      : `output the same extreme value for every sample (saturated ${d.activation})`;
  return (
    `Most units of layer '${d.layer}' (${d.dead} of ${d.units}) ${what}, so they no longer learn. ` +
    `${capital(rateAdvice(rate))}.`
  );
};

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
