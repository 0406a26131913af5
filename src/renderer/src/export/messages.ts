/**
 * The export and import messages of the renderer, numbered and in one place (STYLE.md habit 6),
 * written for a person who does not write code: each says what happened and what to do.
 */
export const EXPORT_MESSAGES = {
  /** 1 */ noFiles: 'E_EXPORT_1: Pick a model.json or an exported diagram (.svg) to open.',
  /** 2 */ unknownFile: (name: string) =>
    `E_EXPORT_2: "${name}" is neither a model.json nor an .svg diagram. Pick one of those.`,
  /** 3 */ notJson: (name: string) =>
    `E_EXPORT_3: "${name}" is not readable JSON, so it cannot be a model. Was it saved completely?`,
  /** 4 */ missingWeights: (names: string[]) =>
    `E_EXPORT_4: The model needs the weight file${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')}. Pick model.json together with all its .bin files, or model.json alone to open it untrained.`,
  /** 5 */ manyModels: 'E_EXPORT_5: Pick one model or one diagram at a time.',
  /** 6 */ noHost:
    "E_EXPORT_6: The app's background service is not connected, so this format cannot be made now. SVG, Keras and summary exports still work.",
  /** 7 */ clipboard: (why: string) =>
    `E_EXPORT_7: The picture could not be copied (${why}). Download it instead.`,
  /** 8 */ noClipboard:
    'E_EXPORT_8: This window cannot put pictures on the clipboard. Download the PNG instead.',
  /** 9 */ nothingReturned:
    'E_EXPORT_9: The export made no files. Try again, or choose another format.',
  /** 10 */ emptyGraph: 'E_EXPORT_10: The design has no layers yet, so there is nothing to export.',
} as const;
