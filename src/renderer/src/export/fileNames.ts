/** A file name base from a project title: letters, digits, dot, dash and underscore only. */
export function baseNameOf(title: string | null | undefined): string {
  const cleaned = (title ?? '')
    .trim()
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 80);
  return cleaned || 'autoencoder';
}

/**
 * The last part of a path the host returned ("model-tfjs/model.json" -> "model.json"): a download
 * cannot make folders, and model.json names its weight files without one.
 */
export const leafName = (path: string): string => path.split(/[\\/]/).pop() || path;

/** A file name without its extension ("my model.svg" -> "my model"). */
export const stemOf = (name: string): string => leafName(name).replace(/\.[^.]*$/, '') || name;
