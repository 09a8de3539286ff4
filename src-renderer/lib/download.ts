/** What the download helper needs from the page; injectable so it is testable without a DOM. */
export interface DownloadEnv {
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  createAnchor(): { href: string; download: string; click(): void; remove?(): void };
  append?(el: unknown): void;
}

const BOM = '\uFEFF';

export function browserDownloadEnv(): DownloadEnv {
  return {
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    createAnchor: () => document.createElement('a'),
    append: (el) => document.body.appendChild(el as Node),
  };
}

/** Excel only reads UTF-8 CSV as UTF-8 with a BOM; main adds one, never add a second. */
export function withBom(text: string): string {
  return text.startsWith(BOM) ? text : BOM + text;
}

/** Saves text through a Blob and an <a download> (works in Electron and the browser host). */
export function downloadCsv(filename: string, csv: string, env: DownloadEnv = browserDownloadEnv()): Blob {
  const blob = new Blob([withBom(csv)], { type: 'text/csv;charset=utf-8' });
  const url = env.createObjectURL(blob);
  const a = env.createAnchor();
  a.href = url;
  a.download = filename;
  env.append?.(a);
  a.click();
  a.remove?.();
  // Revoke later: some engines start reading the blob only after click() returns.
  setTimeout(() => env.revokeObjectURL(url), 1000);
  return blob;
}
