export { exportKerasScript, type KerasScriptOptions } from './keras';
export { exportSummary, formatSummaryMarkdown } from './summary';
export { importLayersModel, type ImportedModel } from './importModel';
