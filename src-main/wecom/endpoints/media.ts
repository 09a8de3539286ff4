import { createReadStream } from 'node:fs';
import FormData from 'form-data';
import type { MediaType } from '../../domain/message-limits';
import { FreshBody, type WecomHttp } from '../http-client';
import type { Credential } from '../token-provider';
import { num, str } from './normalize';

export type MediaSource = { path: string; size: number } | { data: Buffer };

const PART_TYPE: Record<MediaType, string> = {
  image: 'image/jpg',
  voice: 'voice/amr',
  video: 'video/mp4',
  file: 'application/octet-stream',
};

/**
 * The part header written by hand: WeCom reads the raw UTF-8 bytes of `filename="…"` and not
 * RFC 5987 `filename*` (API.md §3.1), so a Chinese name reaches recipients only this way. Quotes and
 * line breaks cannot appear inside the quoted value; they become full-width / spaces.
 */
export function partHeader(boundary: string, filename: string, size: number, type: MediaType): string {
  const safe = filename.replace(/"/g, '＂').replace(/[\r\n\0]/g, ' ');
  return (
    `--${boundary}\r\n` +
    `Content-Disposition: form-data; name="media"; filename="${safe}"; filelength=${size}\r\n` +
    `Content-Type: ${type === 'image' && /\.png$/i.test(filename) ? 'image/png' : PART_TYPE[type]}\r\n\r\n`
  );
}

function formOf(source: MediaSource, filename: string, type: MediaType): FreshBody {
  return new FreshBody(() => {
    const form = new FormData();
    const size = 'data' in source ? source.data.length : source.size;
    const header = partHeader(form.getBoundary(), filename, size, type);
    const content = 'data' in source ? source.data : createReadStream(source.path);
    form.append('media', content, { header, knownLength: size });
    return {
      data: form,
      headers: { ...form.getHeaders(), 'Content-Length': String(form.getLengthSync()) },
    };
  });
}

export interface UploadedMedia {
  mediaId: string;
  /** unix seconds; WeCom sends a string in its sample */
  createdAt: number;
}

/**
 * media/upload. Re-sending it is harmless (a second upload only makes another media_id), so the
 * transport may retry it; the outbox still records it so a notice's attachments are uploaded once.
 */
export async function uploadMedia(
  http: WecomHttp,
  cred: Credential,
  type: MediaType,
  filename: string,
  source: MediaSource,
): Promise<UploadedMedia> {
  const r = await http.post(cred, 'media/upload', formOf(source, filename, type), {
    family: 'media',
    idempotent: true,
    query: { type },
  });
  return { mediaId: str(r.media_id), createdAt: num(r.created_at) };
}

/** media/uploadimg: a permanent URL for an image inside an mpnews article. */
export async function uploadInlineImage(
  http: WecomHttp,
  cred: Credential,
  filename: string,
  source: MediaSource,
): Promise<string> {
  const r = await http.post(cred, 'media/uploadimg', formOf(source, filename, 'image'), {
    family: 'media',
    idempotent: true,
  });
  return str(r.url);
}
