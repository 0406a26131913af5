import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { findSansFonts } from './fonts';

export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

/** Renders the diagram SVG to PNG at 1x, 2x or 4x its size (resvg: no browser needed). */
export function svgToPng(svg: string, scale: PngScale): Result<Uint8Array> {
  return svgToPngZoom(svg, scale);
}

function svgToPngZoom(svg: string, scale: number): Result<Uint8Array> {
  try {
    const fonts = findSansFonts();
    const image = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: {
        loadSystemFonts: true,
        fontFiles: fonts ? [fonts.regular, fonts.bold] : [],
        defaultFontFamily: 'Liberation Sans',
        sansSerifFamily: 'Liberation Sans',
      },
      shapeRendering: 2,
      textRendering: 1,
    }).render();
    return ok(new Uint8Array(image.asPng()));
  } catch (error) {
    return fail('E_INTERNAL', `The picture could not be turned into a PNG image: ${String(error)}`);
  }
}

const sizeOf = (svg: string): [number, number] | null => {
  const m = /<svg\b[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
  return m ? [Number(m[1]), Number(m[2])] : null;
};

/** Renders the diagram SVG to a one-page vector PDF the size of the picture. */
export function svgToPdf(svg: string): Promise<Result<Uint8Array>> {
  const size = sizeOf(svg);
  if (!size)
    return Promise.resolve(
      fail('E_INTERNAL', 'The picture has no size, so no PDF page could be made for it.'),
    );
  const [width, height] = size;
  return new Promise((resolve) => {
    try {
      const doc = new PDFDocument({
        size: [width, height],
        margin: 0,
        autoFirstPage: true,
        info: { Title: 'Autoencoder diagram', Creator: 'Autoencoder Studio' },
      });
      const fonts = findSansFonts();
      if (fonts) {
        doc.registerFont('Sans', fonts.regular);
        doc.registerFont('Sans-Bold', fonts.bold);
      }
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(ok(new Uint8Array(Buffer.concat(chunks)))));
      doc.on('error', (e: unknown) =>
        resolve(fail('E_INTERNAL', `The PDF could not be written: ${String(e)}`)),
      );
      SVGtoPDF(doc, svg, 0, 0, {
        width,
        height,
        assumePt: true,
        fontCallback: (_family, bold) =>
          fonts ? (bold ? 'Sans-Bold' : 'Sans') : bold ? 'Helvetica-Bold' : 'Helvetica',
      });
      doc.end();
    } catch (error) {
      resolve(fail('E_INTERNAL', `The PDF could not be written: ${String(error)}`));
    }
  });
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A PNG with a pHYs chunk after its header, so programs that read it (Word, LaTeX) know its DPI. */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const perMetre = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4);
  view.setUint32(8, perMetre);
  view.setUint32(12, perMetre);
  chunk[16] = 1;
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  // The signature (8 bytes) and IHDR (25 bytes) come first; pHYs must precede the image data.
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, 33));
  out.set(chunk, 33);
  out.set(png.subarray(33), 54);
  return out;
}

/** Renders the diagram at a resolution: dpi/96 of its CSS-pixel size, the DPI written in the file. */
export function svgToPngAtDpi(svg: string, dpi: number): Result<Uint8Array> {
  const png = svgToPngZoom(svg, dpi / 96);
  return png.ok ? ok(withDpi(png.value, dpi)) : png;
}
