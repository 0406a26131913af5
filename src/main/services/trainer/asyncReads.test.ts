import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The trainer runs on tfjs-backend-webgpu when Dawn finds a real GPU, and that backend cannot
// read synchronously in Node (its dataSync, arraySync and bufferSync draw through an
// OffscreenCanvas, which Node lacks): every read in the trainer and the model code it calls must
// be `await t.data()` / `await t.array()` (see scope.ts readScoped).

const root = join(__dirname, '..', '..', '..', '..');
const scanned = ['src/main/services/trainer', 'src/main/services/model'];
const SYNC_READ = /\b(?:dataSync|arraySync|bufferSync|readSync)\s*\(|\.dataSync\b/;

/**
 * Lines that may keep a synchronous read, as 'path:text of the line', each with why it provably
 * never runs on WebGPU. Empty: nothing needs one now. Export-only code (run in the host, never in
 * the trainer) would go here, with its reason.
 */
const ALLOWED: Record<string, string> = {};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every synchronous read outside the allow-list, as 'path:line: text'. */
function syncReads(): string[] {
  const found: string[] = [];
  for (const file of scanned.flatMap((d) => sources(join(root, d)))) {
    const path = relative(root, file).replace(/\\/g, '/');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (!SYNC_READ.test(code)) return;
        if (`${path}:${line.trim()}` in ALLOWED) return;
        found.push(`${path}:${i + 1}: ${line.trim()}`);
      });
  }
  return found;
}

describe('reads in the trainer', () => {
  it('never reads a tensor synchronously, so training and the queries run on WebGPU in Node', () => {
    expect(sources(join(root, scanned[0])).length).toBeGreaterThan(10);
    expect(syncReads()).toEqual([]);
  });

  it('finds a synchronous read where there is one (the check itself works)', () => {
    const lines = [
      'const v = t.dataSync();',
      'await t.data();',
      'x.arraySync()',
      'b.bufferSync ()',
    ];
    expect(lines.map((l) => SYNC_READ.test(l))).toEqual([true, false, true, true]);
  });
});
