import { browserDownloadEnv, type DownloadEnv } from '../../lib/download';

export type { DownloadEnv };

/**
 * Saves a binary file main produced (base64 over the bridge) through a Blob and an <a download>, like
 * the CSV exports: Electron asks where to save it, the browser host downloads it.
 */
export function downloadBytes(
  filename: string,
  base64: string,
  type: string,
  env: DownloadEnv = browserDownloadEnv(),
): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const blob = new Blob([bytes], { type });
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
