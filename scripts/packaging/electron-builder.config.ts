import afterPack from './fuses';

/**
 * Packaging with electron-builder (not a dependency yet: `npx electron-builder --config
 * scripts/packaging/electron-builder.config.ts` after `npm run build`). The app goes in an asar
 * archive, which the OnlyLoadAppFromAsar and asar-integrity fuses require.
 */
const config = {
  appId: 'org.autoencoder-studio.app',
  productName: 'Autoencoder Studio',
  directories: { output: 'dist' },
  files: ['out/**', 'package.json'],
  asar: true,
  afterPack,
  linux: { target: ['AppImage'] },
  mac: { target: ['dmg'], hardenedRuntime: true },
  win: { target: ['nsis'] },
};

export default config;
