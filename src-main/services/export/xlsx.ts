import ExcelJS from 'exceljs';
import { neutraliseFormula } from './formula-guard';

/**
 * The one place that writes .xlsx (exceljs). Cells are text only: dates arrive already formatted in
 * the clerk's time zone (exceljs would write a Date as UTC), and every cell passes the formula guard.
 */

export interface SheetSpec {
  name: string;
  columns: ReadonlyArray<{ header: string; width: number; wrap?: boolean }>;
  rows: ReadonlyArray<readonly string[]>;
}

export async function writeXlsx(sheet: SheetSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '综合部助手';
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of sheet.rows) {
    const row = ws.addRow(r.map((v) => neutraliseFormula(v)));
    sheet.columns.forEach((c, i) => {
      if (c.wrap) row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 2026-11-27 09:05:03 in the machine's local time: text, so Excel shows exactly what the page shows. */
export function localDateTimeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
