import type { Configuration } from 'electron-builder';
import afterPack from '../scripts/packaging/fuses';

/**
 * Packaging with electron-builder: `npm run package` after `npm run build`. It needs the Electron
 * binary, which cannot be downloaded on the machines this project is built on, so here the file is
 * only type-checked (tsconfig.node.json). The app goes in an asar archive, which the
 * OnlyLoadAppFromAsar and asar-integrity fuses (scripts/packaging/fuses.ts) require.
 */
const config: Configuration = {
  appId: 'org.autoencoder-studio.app',
  productName: 'Autoencoder Studio',
  directories: { output: 'dist', buildResources: 'resources' },
  // The window icon (src/main/electron/window.ts) is read from resources/ at run time.
  files: ['out/**', 'resources/icon.png', 'package.json'],
  asar: true,
  // The native BLAS addon (scripts/build-native.mjs), beside the asar archive: a .node file loads
  // from disk. native/blas.ts looks for it in resources/native/.
  extraResources: [{ from: 'native/build', to: 'native', filter: ['studio_blas.node'] }],
  afterPack,
  // Rendered from icon.svg by render-icons.mjs; electron-builder makes the .icns and .ico.
  icon: 'resources/icon.png',
  linux: { target: ['AppImage'], icon: 'resources/icons', category: 'Education' },
  mac: { target: ['dmg'], hardenedRuntime: true },
  win: { target: ['nsis'] },
};

export default config;
