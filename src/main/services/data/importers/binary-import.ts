import type { Result } from '../../../../shared/contract/result';
import { checkLabelCount, readLabels, readSamples, type ArrayFile } from './array-file';
import { datasetName, displayName, readDataFile } from './file-bytes';
import { parseIdx } from './idx';
import { parseNpy } from './npy';
import type { RawDataset, ReadLimits } from './types';

type HeaderParser = (bytes: Uint8Array, file: string) => Result<ArrayFile>;

async function readArrayFile(
  path: string,
  parse: HeaderParser,
  limits: ReadLimits,
): Promise<Result<ArrayFile>> {
  const bytes = await readDataFile(path, limits.maxBytes);
  if (!bytes.ok) return bytes;
  return parse(bytes.value, displayName(path));
}

/** Reads a samples file and, when given, its label file of the same format. */
async function importArrays(
  path: string,
  labelsPath: string | undefined,
  parse: HeaderParser,
  limits: ReadLimits,
): Promise<Result<RawDataset>> {
  const imagesFile = await readArrayFile(path, parse, limits);
  if (!imagesFile.ok) return imagesFile;
  const samples = readSamples(imagesFile.value, limits.maxBytes);
  if (!samples.ok) return samples;

  let labels: Int32Array | null = null;
  if (labelsPath !== undefined) {
    const labelsFile = await readArrayFile(labelsPath, parse, limits);
    if (!labelsFile.ok) return labelsFile;
    // The counts are compared from the headers first: a mismatch is the likelier mistake
    // (a test label file beside training images) and deserves the clearer message.
    const counted = checkLabelCount(labelsFile.value.dims[0] ?? 0, samples.value.count);
    if (!counted.ok) return counted;
    const read = readLabels(labelsFile.value);
    if (!read.ok) return read;
    labels = read.value;
  }

  const { values, sampleShape, count, byteValued } = samples.value;
  return {
    ok: true,
    value: {
      name: datasetName(path),
      images: values,
      sampleShape,
      count,
      labels,
      labelNames: null,
      byteValued,
    },
  };
}

/** MNIST-format images with an optional label file; raw or gzip-compressed. */
export function importIdx(
  imagesPath: string,
  labelsPath: string | undefined,
  limits: ReadLimits,
): Promise<Result<RawDataset>> {
  return importArrays(imagesPath, labelsPath, parseIdx, limits);
}

/** A NumPy array of samples with an optional .npy of whole-number labels. */
export function importNpyFile(
  path: string,
  labelsPath: string | undefined,
  limits: ReadLimits,
): Promise<Result<RawDataset>> {
  return importArrays(path, labelsPath, parseNpy, limits);
}
