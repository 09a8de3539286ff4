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
  return saveBlob(filename, new Blob([withBom(csv)], { type: 'text/csv;charset=utf-8' }), env);
}

/** Saves a binary file main produced (base64 over the bridge), e.g. an .xlsx export. */
export function downloadBytes(
  filename: string,
  base64: string,
  type: string,
  env: DownloadEnv = browserDownloadEnv(),
): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return saveBlob(filename, new Blob([bytes], { type }), env);
}

/** Electron asks where to save it, the browser host downloads it. */
function saveBlob(filename: string, blob: Blob, env: DownloadEnv): Blob {
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
