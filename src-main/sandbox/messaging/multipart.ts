// A small multipart/form-data reader for media/upload and media/uploadimg. WeCom reads the raw
// UTF-8 bytes of `filename="…"` and ignores RFC 2231 `filename*=` (API.md §3.1, trip-over #9),
// so this does the same: a client that only sends an encoded name gets the encoded text back.

export interface FormPart {
  name: string;
  /** the raw `filename="…"` value decoded as UTF-8; undefined when absent */
  filename?: string;
  /** the optional `filelength=` parameter */
  filelength?: number;
  contentType?: string;
  data: Buffer;
}

export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

/** `name="media";filename="a b.txt"; filelength=6` → params (quoted values may hold ; and spaces) */
function dispositionParams(value: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /;\s*([A-Za-z0-9*_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    out.set(m[1]!.toLowerCase(), (m[2] ?? m[3] ?? '').trim());
  }
  return out;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return headers;
}

/** Parts of a multipart body; undefined when the body is not well-formed multipart. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) return undefined;
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') return parts;
    if (body.subarray(pos, pos + 2).toString() !== '\r\n') return undefined;
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) return undefined;
    const headers = parseHeaders(body.subarray(pos, headerEnd).toString('utf8'));
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) return undefined;
    const disposition = headers.get('content-disposition') ?? '';
    const params = dispositionParams(disposition.replace(/^[^;]*/, ''));
    const length = params.get('filelength');
    parts.push({
      name: params.get('name') ?? '',
      ...(params.has('filename') ? { filename: params.get('filename')! } : {}),
      ...(length !== undefined && /^\d+$/.test(length) ? { filelength: Number(length) } : {}),
      ...(headers.has('content-type') ? { contentType: headers.get('content-type')! } : {}),
      data: body.subarray(headerEnd + 4, next),
    });
    pos = next + 2;
  }
}
