/**
 * The messages of opening a picked file, numbered apart from the export messages (an import
 * problem is not an export problem), written for a person who does not write code.
 */
export const IMPORT_MESSAGES = {
  /** 1 */ noFiles: 'E_IMPORT_1: Pick a model.json or an exported diagram (.svg) to open.',
  /** 2 */ unknownFile: (name: string) =>
    `E_IMPORT_2: "${name}" is neither a model.json nor an .svg diagram. Pick one of those.`,
  /** 3 */ manyModels: 'E_IMPORT_3: Pick one model or one diagram at a time.',
} as const;
