/**
 * The export messages of the renderer, numbered and in one place (STYLE.md habit 6),
 * written for a person who does not write code: each says what happened and what to do.
 */
export const EXPORT_MESSAGES = {
  // 1 to 5 were the import messages; they live in importMessages.ts (E_IMPORT_n) now.
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
