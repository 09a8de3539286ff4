/**
 * Spreadsheet cells the clerk's Excel must never run as formulas (review L9): text starting with
 * = + - @ (or a tab or CR, which Excel strips before looking) gets a leading ' that makes it text.
 * One rule for every export, CSV and .xlsx alike.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
