/**
 * One escaping function per language the app writes: every untrusted string (project title,
 * layer name, imported model name) that reaches a generated file goes through one of these.
 */
export { csvCell, csvRow } from './csv';
export { safeFileBase } from './fileName';
export { htmlAttr, htmlText } from './html';
export { latexText, tikzName } from './latex';
export { mdCode, mdInline } from './markdown';
export {
  PY_BUILTINS,
  PY_KEYWORDS,
  pyComment,
  pyDocText,
  pyIdentifier,
  pyIdentifierAllocator,
  pyString,
} from './python';
export { isXmlSafe, jsonForXml, stripXmlInvalid, unescapeXml, xmlAttr, xmlText } from './xml';
