import { beforeAll, describe, expect, it } from 'vitest';
import { probeSwiftShader, runWebGpuEntry } from '../../tf/webgpuProcess';
import type { WinnersCheck } from '../../tf/webgpuWinnersMain';

type Report = { ok: true; checks: WinnersCheck[] } | { ok: false; reason: string };

const swiftShader = probeSwiftShader();
const onSwiftShader = swiftShader.ok ? describe : describe.skip;
const title = swiftShader.ok
  ? 'winner-take-all codes on WebGPU (SwiftShader) against wasm'
  : `winner-take-all codes on WebGPU against wasm: skipped, ${swiftShader.reason}`;

onSwiftShader(title, () => {
  let report: Report;
  beforeAll(async () => {
    if (!swiftShader.ok) return;
    // In its own process, as the preset parity check: Dawn needs the library path at start.
    report = (await runWebGpuEntry('webgpuWinnersMain.ts', 'WINNERS', swiftShader.env)) as Report;
  }, 600_000);

  const row = (name: string): WinnersCheck => {
    if (!report.ok) throw new Error(report.reason);
    const found = report.checks.find((c) => c.check === name);
    if (!found) throw new Error(`no check named ${name}`);
    return found;
  };

  it.each([
    'topk values',
    'topk indices',
    'oneHot',
    'customGrad through a mask',
    'Code top-k forward',
    'Code top-k gradient',
    'Code lifetime forward',
  ])('%s: equal on both backends, ties and zeros included', (name) => {
    expect(row(name)).toMatchObject({ differing: 0, errors: [] });
  });
});
