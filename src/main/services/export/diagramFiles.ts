import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { findSansFonts } from './fonts';

export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

/** Renders the diagram SVG to PNG at 1x, 2x or 4x its size (resvg: no browser needed). */
export function svgToPng(svg: string, scale: PngScale): Result<Uint8Array> {
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
