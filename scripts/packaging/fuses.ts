import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/**
 * The fuses of the packaged app, flipped in the Electron binary itself so no flag or environment
 * variable can turn them back on. Every fuse is named (strictlyRequireAllFuses), so an Electron
 * upgrade that adds one fails the packaging until someone decides its value.
 */
export const FUSES = {
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node that runs any script.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and --inspect would let anyone who starts the app inject code into it.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Checked on macOS and Windows (electron-builder embeds the hash); Linux ignores it.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Kept on: the page is loaded from file:// (loadFile) and its module scripts need it. Serving
  // the page from a custom protocol instead would let this be turned off.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
} satisfies FuseV1Config;

/** The parts of electron-builder's AfterPackContext this hook reads. */
export interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

/** Where the packaged Electron binary is, for each platform electron-builder packs. */
export function packagedElectronPath(context: AfterPackContext): string {
  const { appOutDir, electronPlatformName: platform, packager } = context;
  const name = packager.appInfo.productFilename;
  if (platform === 'darwin' || platform === 'mas') return join(appOutDir, `${name}.app`);
  if (platform === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, packager.executableName ?? name);
}

/** electron-builder's afterPack hook: flips the fuses before the app is signed. */
export default async function afterPack(context: AfterPackContext): Promise<void> {
  const darwin = ['darwin', 'mas'].includes(context.electronPlatformName);
  await flipFuses(packagedElectronPath(context), {
    ...FUSES,
    // Flipping a fuse breaks an ad-hoc macOS signature; electron-builder signs again after this.
    resetAdHocDarwinSignature: darwin,
  });
}
