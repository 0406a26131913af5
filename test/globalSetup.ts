import { requireBuiltTrainer } from './helpers';

// The tests that train use the built trainer process; without it they fail here, in words, once,
// rather than skip themselves or time out one by one.
export default function setup(): void {
  requireBuiltTrainer();
}
