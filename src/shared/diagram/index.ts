export { graphToSvg } from './graphToSvg';
export { graphFromSvg, embedGraph } from './embed';
export {
  diagramOptionsSchema,
  layerOverrideSchema,
  DEFAULT_DIAGRAM_OPTIONS,
  type DiagramOptions,
  type DiagramOptionsInput,
  type LayerOverride,
} from './options';
export { kindTitle } from './legend';
