import type { ForwardFn, ForwardPlan } from './runtime';

/** What the page script reads from the report's JSON block. */
export interface ReportPageData {
  /** Images' height and width (grey values), or null when samples are not pictures. */
  image: [number, number] | null;
  /** Named groups of images, each uint8 grey values (0..255) base64, row after row. */
  grids: { id: string; count: number; data: string }[];
  latent: {
    /** Points on the plane (u, v), their labels, and the samples drawn as thumbnails. */
    points: number[];
    labels: number[];
    thumbs: { u: number; v: number; data: string }[];
    range: [number, number, number, number];
    /** z = origin + u * axisU + v * axisV */
    origin: number[];
    axisU: number[];
    axisV: number[];
  } | null;
  decoder: { plan: ForwardPlan; names: string[]; sizes: number[]; weights: string } | null;
}

// Shared code has no DOM types (it must not touch the DOM in the app): the little of the browser
// the page script uses is described here, structurally.
interface Ctx2d {
  fillStyle: string;
  strokeStyle: string;
  lineWidth: number;
  globalAlpha: number;
  createImageData(w: number, h: number): { data: Uint8ClampedArray };
  putImageData(image: { data: Uint8ClampedArray }, x: number, y: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  drawImage(image: Canvas, x: number, y: number): void;
  beginPath(): void;
  arc(x: number, y: number, r: number, a0: number, a1: number): void;
  stroke(): void;
}
interface PointerLike {
  clientX: number;
  clientY: number;
}
interface Canvas {
  width: number;
  height: number;
  style: { width: string; height: string };
  dataset: Record<string, string>;
  getContext(kind: '2d'): Ctx2d | null;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
  addEventListener(name: string, listener: (e: PointerLike) => void): void;
  appendChild(child: Canvas): void;
  textContent: string | null;
}
interface PageGlobals {
  document: { getElementById(id: string): Canvas | null; createElement(tag: 'canvas'): Canvas };
  atob(b64: string): string;
  addEventListener(name: string, listener: () => void): void;
  studioReport?: unknown;
}

/**
 * The report's own script, run in the reader's browser: draws the grids, the latent scatter with
 * thumbnails, and decodes live where the reader drags. Self-contained like `createForward`: its
 * text is embedded, so it uses nothing from outside its body but its two arguments.
 */
export function startReportPage(data: ReportPageData, forward: ForwardFn): void {
  const page = globalThis as unknown as PageGlobals;
  const doc = page.document;
  const bytes = (b64: string): Uint8Array => {
    const s = page.atob(b64);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  };
  const img = data.image;
  function drawGrey(canvas: Canvas, values: ArrayLike<number>, at: number, scale: number): void {
    if (!img) return;
    const [h, w] = img;
    canvas.width = w;
    canvas.height = h;
    canvas.style.width = `${w * scale}px`;
    canvas.style.height = `${h * scale}px`;
    const ctx = canvas.getContext('2d')!;
    const pic = ctx.createImageData(w, h);
    for (let i = 0; i < h * w; i++) {
      const g = values[at + i];
      pic.data[i * 4] = pic.data[i * 4 + 1] = pic.data[i * 4 + 2] = 255 - g;
      pic.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(pic, 0, 0);
  }
  for (const grid of data.grids) {
    const host = doc.getElementById(`grid-${grid.id}`);
    if (!host || !img) continue;
    const values = bytes(grid.data);
    for (let k = 0; k < grid.count; k++) {
      const c = doc.createElement('canvas');
      drawGrey(c, values, k * img[0] * img[1], 2);
      host.appendChild(c);
    }
  }
  const latent = data.latent;
  const dec = data.decoder;
  let weights: Record<string, Float32Array> | null = null;
  if (dec) {
    const raw = bytes(dec.weights);
    const all = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
    weights = {};
    let at = 0;
    dec.names.forEach((name, i) => {
      weights![name] = all.subarray(at, at + dec.sizes[i]);
      at += dec.sizes[i];
    });
  }
  /** Decodes one latent point with the embedded decoder (the tests call it too). */
  function decodeAt(z: number[]): Float32Array | null {
    if (!dec || !weights) return null;
    return forward(dec.plan, weights, Float32Array.from(z), 1);
  }
  function pointAt(u: number, v: number): number[] {
    if (!latent) return [];
    return latent.origin.map((o, i) => o + u * latent.axisU[i] + v * latent.axisV[i]);
  }
  const out = doc.getElementById('decoded');
  const readout = doc.getElementById('decoded-at');
  function showDecoded(u: number, v: number): void {
    const values = decodeAt(pointAt(u, v));
    if (!values || !out) return;
    const grey = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++)
      grey[i] = Math.round(Math.min(1, Math.max(0, values[i])) * 255);
    drawGrey(out, grey, 0, 6);
    out.dataset.u = String(u);
    out.dataset.v = String(v);
    if (readout) readout.textContent = `u ${u.toFixed(2)}, v ${v.toFixed(2)}`;
  }
  const plane = doc.getElementById('plane');
  if (plane && latent) {
    const [u0, u1, v0, v1] = latent.range;
    const size = plane.width;
    const toX = (u: number) => ((u - u0) / (u1 - u0)) * size;
    const toY = (v: number) => size - ((v - v0) / (v1 - v0)) * size;
    const colours = [
      '#0072B2',
      '#E69F00',
      '#009E73',
      '#D55E00',
      '#CC79A7',
      '#56B4E9',
      '#F0E442',
      '#000000',
      '#999999',
      '#882255',
    ];
    const ctx = plane.getContext('2d')!;
    let marker: [number, number] | null = null;
    const draw = () => {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, size, size);
      for (let i = 0; i < latent.labels.length; i++) {
        ctx.fillStyle = colours[((latent.labels[i] % 10) + 10) % 10];
        ctx.fillRect(toX(latent.points[2 * i]) - 1.5, toY(latent.points[2 * i + 1]) - 1.5, 3, 3);
      }
      if (img) {
        for (const t of latent.thumbs) {
          const c = doc.createElement('canvas');
          drawGrey(c, bytes(t.data), 0, 1);
          ctx.globalAlpha = 0.85;
          ctx.drawImage(c, toX(t.u) - img[1] / 2, toY(t.v) - img[0] / 2);
          ctx.globalAlpha = 1;
        }
      }
      if (marker) {
        ctx.strokeStyle = '#d00000';
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(toX(marker[0]), toY(marker[1]), 6, 0, 2 * Math.PI);
        ctx.stroke();
      }
    };
    const move = (e: PointerLike) => {
      const box = plane.getBoundingClientRect();
      const u = u0 + ((e.clientX - box.left) / box.width) * (u1 - u0);
      const v = v0 + (1 - (e.clientY - box.top) / box.height) * (v1 - v0);
      marker = [u, v];
      showDecoded(u, v);
      draw();
    };
    let dragging = false;
    plane.addEventListener('pointerdown', (e) => {
      dragging = true;
      move(e);
    });
    plane.addEventListener('pointermove', (e) => {
      if (dragging) move(e);
    });
    page.addEventListener('pointerup', () => (dragging = false));
    marker = [(u0 + u1) / 2, (v0 + v1) / 2];
    draw();
    showDecoded(marker[0], marker[1]);
  }
  page.studioReport = { decodeAt, pointAt };
}
