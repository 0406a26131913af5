import { useCallback, useEffect, useMemo, useState } from 'react';
import { binarize, bitsOf, nearestByHamming, packBits } from '../../../shared/lab/hashing';
import type { ThresholdRule } from '../../../shared/lab/hashing';
import { nearestRows, rowOf, type Rows } from '../../../shared/lab/neighbours';
import { searchReport, type SearchReport } from '../../../shared/lab/searchReport';
import type { Codes, Samples } from '../stores/runState';
import type { DrawnPoint } from './labStore';

/** The neighbours a query gets by each measure, nearest first. */
export interface Found {
  byCode: number[];
  byBits: number[];
  byPixels: number[];
}

export const K = 10;
/** Queries the precision figures average over: the pixel search costs 2,000 x 784 per query. */
const REPORT_QUERIES = 200;

/** The Lab's searches over the view samples of a run: rows, bits and the precision report. */
export function useSearch(codes: Codes, samples: Samples, rule: ThresholdRule) {
  const count = Math.min(codes.count, samples.count);
  const pixelSize = samples.images.length / Math.max(1, samples.count);
  const rows = useMemo(() => {
    const code: Rows = { values: codes.codes, count, dim: codes.codeSize };
    const pixels: Rows = { values: samples.images, count, dim: pixelSize };
    return { code, pixels, binary: binarize(codes.codes, count, codes.codeSize, rule) };
  }, [codes, samples, count, pixelSize, rule]);

  const [report, setReport] = useState<SearchReport | null>(null);
  useEffect(() => {
    setReport(null);
    // After the view has drawn: scoring 200 queries by pixels takes a few hundred milliseconds.
    const timer = setTimeout(() => {
      setReport(
        searchReport({
          codes: rows.code,
          pixels: rows.pixels,
          labels: codes.labels,
          rule,
          k: K,
          queries: REPORT_QUERIES,
          binary: rows.binary,
        }),
      );
    }, 50);
    return () => clearTimeout(timer);
  }, [rows, codes.labels, rule]);

  /** The neighbours of view sample `index` (itself left out). */
  const ofSample = useCallback(
    (index: number): Found => ({
      byCode: nearestRows(rows.code, rowOf(rows.code, index), K, index),
      byBits: nearestByHamming(rows.binary, bitsOf(rows.binary, index), K, index),
      byPixels: nearestRows(rows.pixels, rowOf(rows.pixels, index), K, index),
    }),
    [rows],
  );
  /** The neighbours of the drawing, whose pixels and code are not among the samples. */
  const ofDrawing = useCallback(
    (pixels: Float32Array, drawn: DrawnPoint): Found | null =>
      drawn.code.length !== rows.code.dim || pixels.length !== rows.pixels.dim
        ? null
        : {
            byCode: nearestRows(rows.code, drawn.code, K),
            byBits: nearestByHamming(rows.binary, packBits(drawn.code, rows.binary.thresholds), K),
            byPixels: nearestRows(rows.pixels, pixels, K),
          },
    [rows],
  );
  return { count, pixelSize, report, ofSample, ofDrawing, binary: rows.binary };
}
