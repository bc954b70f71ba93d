// Importing spreadsheets (CSV and XLSX) into a scenario as a variant, and exporting every input as a
// workbook that imports back unchanged.
export { readCsv, readCsvText, readXlsx, readSpreadsheet, looksLikeXlsx, decodeText } from './read.ts';
export { guessMappings, readMappings, normaliseName, findScale, IMPORT_KINDS } from './mapping.ts';
export type { ImportMapping, ImportKind, Axis, LongColumns } from './mapping.ts';
export { previewImport, rawAt } from './preview.ts';
export type { ImportPreview, ImportChange, PreviewOptions } from './preview.ts';
export { inputWorkbook, writeXlsx, INPUT_HEADERS } from './export-inputs.ts';
export { cellAddress, columnLetters, columnNumber, MAX_IMPORT_BYTES, MAX_IMPORT_CELLS } from './workbook.ts';
export type { Workbook, Sheet, CellValue } from './workbook.ts';
