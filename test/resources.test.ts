import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import config from '../resources/electron-builder.config';

const root = fileURLToPath(new URL('../', import.meta.url));
const sizeOf = (path: string) => {
  const png = PNG.sync.read(readFileSync(root + path));
  return [png.width, png.height];
};

describe('the packaging resources', () => {
  it('has the app icon as a 1024-pixel PNG, which electron-builder turns into .icns and .ico', () => {
    expect(config.icon).toBe('resources/icon.png');
    expect(sizeOf('resources/icon.png')).toEqual([1024, 1024]);
  });

  it('has a Linux icon set whose file names match their pixel sizes', () => {
    expect(config.linux?.icon).toBe('resources/icons');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(sizeOf(`resources/icons/${size}x${size}.png`)).toEqual([size, size]);
    }
  });

  it('packs the window icon the main process reads at run time', () => {
    expect(config.files).toContain('resources/icon.png');
    expect(existsSync(root + 'resources/icon.svg')).toBe(true);
  });
});
