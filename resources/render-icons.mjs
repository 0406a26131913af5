// Renders icon.svg to the PNGs packaging needs: icon.png (1024, macOS and Windows; electron-builder
// makes the .icns and .ico from it) and icons/NxN.png (the Linux icon set). Run after editing the
// SVG: `node resources/render-icons.mjs`; the PNGs are committed so packaging needs no renderer.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const here = new URL('./', import.meta.url);
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const svg = readFileSync(new URL('icon.svg', here));

const render = (size) =>
  new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' })
    .render()
    .asPng();

writeFileSync(new URL('icon.png', here), render(1024));
mkdirSync(new URL('icons/', here), { recursive: true });
for (const size of LINUX_SIZES)
  writeFileSync(new URL(`icons/${size}x${size}.png`, here), render(size));
console.log(`rendered icon.png and ${LINUX_SIZES.length} Linux sizes`);
