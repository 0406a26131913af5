/** Two directions through the codes: the code's own axes for a 2-D code, else its top two principal components. */
export interface LatentPlane {
  origin: number[];
  axisU: number[];
  axisV: number[];
  /** Every code's (u, v), code after code. */
  points: number[];
  range: [number, number, number, number];
}

function topComponent(cov: number[][], orth: number[] | null): number[] {
  const d = cov.length;
  let v = Array.from({ length: d }, (_, i) => 1 / Math.sqrt(d) + i * 1e-3);
  for (let it = 0; it < 200; it++) {
    let w = cov.map((row) => row.reduce((s, c, j) => s + c * v[j], 0));
    if (orth) {
      const dot = w.reduce((s, x, i) => s + x * orth[i], 0);
      w = w.map((x, i) => x - dot * orth[i]);
    }
    const norm = Math.hypot(...w) || 1;
    v = w.map((x) => x / norm);
  }
  return v;
}

/** The plane the report's latent view shows and decodes from. */
export function latentPlane(codes: Float32Array, count: number, size: number): LatentPlane {
  const origin = new Array<number>(size).fill(0);
  let axisU: number[];
  let axisV: number[];
  if (size <= 2) {
    axisU = size >= 1 ? [1, 0].slice(0, size) : [];
    axisV = size === 2 ? [0, 1] : new Array<number>(size).fill(0);
  } else {
    for (let r = 0; r < count; r++)
      for (let j = 0; j < size; j++) origin[j] += codes[r * size + j] / count;
    const cov = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    for (let r = 0; r < count; r++)
      for (let i = 0; i < size; i++)
        for (let j = 0; j < size; j++)
          cov[i][j] +=
            ((codes[r * size + i] - origin[i]) * (codes[r * size + j] - origin[j])) / count;
    axisU = topComponent(cov, null);
    axisV = topComponent(cov, axisU);
  }
  const points: number[] = [];
  for (let r = 0; r < count; r++) {
    let u = 0;
    let v = 0;
    for (let j = 0; j < size; j++) {
      const c = codes[r * size + j] - origin[j];
      u += c * axisU[j];
      v += c * axisV[j];
    }
    points.push(u, v);
  }
  const us = points.filter((_, i) => i % 2 === 0);
  const vs = points.filter((_, i) => i % 2 === 1);
  const pad = (lo: number, hi: number): [number, number] => {
    const m = (hi - lo) * 0.08 || 1;
    return [lo - m, hi + m];
  };
  const [u0, u1] = us.length ? pad(Math.min(...us), Math.max(...us)) : [-3, 3];
  const [v0, v1] = vs.length ? pad(Math.min(...vs), Math.max(...vs)) : [-3, 3];
  return { origin, axisU, axisV, points, range: [u0, u1, v0, v1] };
}
