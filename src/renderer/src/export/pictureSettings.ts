import {
  DEFAULT_DIAGRAM_OPTIONS,
  type DiagramOptions,
  type LayerOverride,
} from '../../../shared/diagram';

/** The dialog's picture choices: the diagram options, plus where the title and scope come from. */
export type PictureSettings = Omit<DiagramOptions, 'selection' | 'title'> & {
  /** 'selection' draws only the layers selected on the canvas. */
  scope: 'all' | 'selection';
  showTitle: boolean;
  titleText: string;
};

/** The picture settings a dialog opens with: the diagram defaults, titled with the project. */
export const initialPictureSettings = (title: string): PictureSettings => {
  const { selection: _selection, title: _title, ...rest } = DEFAULT_DIAGRAM_OPTIONS;
  return { ...rest, scope: 'all', showTitle: title.trim() !== '', titleText: title };
};

/**
 * The options graphToSvg and the host draw with. A hidden title is '' rather than null because the
 * host falls back from a null diagram title to the project title.
 */
export function diagramOptionsOf(
  settings: PictureSettings,
  selectedIds: readonly string[],
): DiagramOptions {
  const { scope, showTitle, titleText, ...rest } = settings;
  const title = showTitle ? titleText.trim().slice(0, 300) : '';
  return {
    ...rest,
    title,
    selection: scope === 'selection' && selectedIds.length > 0 ? [...selectedIds] : null,
  };
}

const isEmpty = (o: LayerOverride): boolean =>
  !o.label?.trim() && o.hidden !== true && o.color === undefined;

/** Changes one layer's picture-only override; an override that changes nothing is dropped. */
export function withOverride(
  overrides: Readonly<Record<string, LayerOverride>>,
  nodeId: string,
  patch: Partial<LayerOverride>,
): Record<string, LayerOverride> {
  const merged: LayerOverride = { ...overrides[nodeId], ...patch };
  const next: LayerOverride = {};
  if (merged.label?.trim()) next.label = merged.label.slice(0, 200);
  if (merged.hidden) next.hidden = true;
  if (merged.color !== undefined) next.color = merged.color;
  const { [nodeId]: _old, ...others } = overrides;
  return isEmpty(next) ? others : { ...others, [nodeId]: next };
}

/** Clears every override of one layer. */
export const withoutOverride = (
  overrides: Readonly<Record<string, LayerOverride>>,
  nodeId: string,
): Record<string, LayerOverride> => {
  const { [nodeId]: _old, ...others } = overrides;
  return others;
};
