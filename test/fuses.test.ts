import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FuseV1Options } from '@electron/fuses';
import config from '../scripts/packaging/electron-builder.config';
import afterPack, { FUSES, packagedElectronPath } from '../scripts/packaging/fuses';

describe('the packaged app fuses', () => {
  it('turns off running as Node, NODE_OPTIONS and --inspect, and turns on cookie encryption', () => {
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSES[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSES[FuseV1Options.EnableCookieEncryption]).toBe(true);
  });

  it('loads the app only from its asar archive and checks the archive, which is packed as asar', () => {
    expect(FUSES[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FUSES[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config.asar).toBe(true);
  });

  it('names every fuse Electron has, so a new one must be decided', () => {
    expect(FUSES.strictlyRequireAllFuses).toBe(true);
    const all = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const fuse of all) expect(typeof FUSES[fuse as FuseV1Options]).toBe('boolean');
  });

  it('flips them after packing, in the binary of each platform', () => {
    expect(config.afterPack).toBe(afterPack);
    const context = (platform: string) => ({
      appOutDir: '/out',
      electronPlatformName: platform,
      packager: { appInfo: { productFilename: 'Autoencoder Studio' }, executableName: 'studio' },
    });
    expect(packagedElectronPath(context('darwin'))).toBe(join('/out', 'Autoencoder Studio.app'));
    expect(packagedElectronPath(context('win32'))).toBe(join('/out', 'Autoencoder Studio.exe'));
    expect(packagedElectronPath(context('linux'))).toBe(join('/out', 'studio'));
  });
});
