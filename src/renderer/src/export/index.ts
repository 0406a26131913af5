export { ExportButton } from './ExportButton';
export { ExportDialog } from './ExportDialog';
export { ImportModelButton } from './ImportModelButton';
export { currentExportSource, latestCompletedRun, type ExportSource } from './exportSource';
export { importPickedFiles, type ImportedDesign, type PickedFile } from './importFiles';
export { makeExport, type ExportFile, type ExportJob } from './makeExport';
export { EXPORT_CHOICES, type ExportChoice } from './formats';
