import {
  MEDIA_MAX_BYTES,
  MEDIA_MIN_BYTES,
  UPLOADIMG_MAX_BYTES,
  type MediaType,
} from '../../domain/message-limits';
import { RawReply, type Ctx, type HandlerResult } from '../context';
import { msgError } from '../messaging/errmsgs';
import { sniff } from '../../domain/media-kind';
import { boundaryOf, parseMultipart, type FormPart } from '../messaging/multipart';

const MEDIA_TYPES: readonly MediaType[] = ['image', 'voice', 'video', 'file'];

/** the `media` part of a multipart upload (44001 when missing or empty) */
function mediaPart(ctx: Ctx): FormPart {
  if (ctx.bodyTruncated) throw msgError(45001);
  const boundary = boundaryOf(ctx.contentType);
  const parts = boundary === undefined ? undefined : parseMultipart(ctx.rawBuffer, boundary);
  if (!parts) throw msgError(40058);
  const part = parts.find((p) => p.name === 'media');
  if (!part || part.data.length === 0) throw msgError(44001);
  return part;
}

function checkContent(type: MediaType, part: FormPart): void {
  const size = part.data.length;
  if (part.filelength !== undefined && part.filelength !== size)
    throw msgError(type === 'image' ? 40123 : 40006);
  if (size <= MEDIA_MIN_BYTES) throw msgError(40006);
  if (size > MEDIA_MAX_BYTES[type])
    throw msgError(type === 'image' ? 40009 : type === 'video' ? 40011 : 45001);
  const kind = sniff(part.data);
  if (type === 'image' && kind !== 'jpg' && kind !== 'png') throw msgError(40004);
  if (type === 'voice' && kind !== 'amr') throw msgError(301017);
  if (type === 'video' && kind !== 'mp4') throw msgError(40004);
}

export function mediaUpload(ctx: Ctx): HandlerResult {
  const type = ctx.query.get('type') as MediaType;
  if (!MEDIA_TYPES.includes(type)) throw msgError(40005);
  const part = mediaPart(ctx);
  checkContent(type, part);
  const stored = ctx.messaging.media.put({
    type,
    filename: part.filename ?? '',
    contentType: part.contentType ?? 'application/octet-stream',
    data: Buffer.from(part.data),
  });
  // created_at is a string and errmsg empty, as in the doc sample
  return { errmsg: '', type, media_id: stored.mediaId, created_at: String(stored.createdAt) };
}

export function mediaUploadImg(ctx: Ctx): HandlerResult {
  const part = mediaPart(ctx);
  const kind = sniff(part.data);
  if (kind !== 'jpg' && kind !== 'png') throw msgError(40004);
  if (part.data.length <= MEDIA_MIN_BYTES || part.data.length > UPLOADIMG_MAX_BYTES) throw msgError(40009);
  return { url: ctx.messaging.media.putImage(Buffer.from(part.data)) };
}

/** RFC 6266 header as WeCom sends it for CJK names: percent-encoded `filename*` plus raw bytes */
function disposition(filename: string): string {
  const latin1 = Buffer.from(filename, 'utf8').toString('latin1');
  return `attachment; filename="${latin1.replace(/"/g, '')}"; filename*=utf-8''${encodeURIComponent(filename)}`;
}

export function mediaGet(ctx: Ctx): HandlerResult | RawReply {
  const m = ctx.messaging.media.get(ctx.query.get('media_id') ?? '');
  if (!m) throw msgError(40007);
  const headers: Record<string, string> = {
    'Content-Type': m.contentType,
    'Content-Disposition': disposition(m.filename),
    'Accept-Ranges': 'bytes',
  };
  const range = /^bytes=(\d+)-(\d*)$/.exec(ctx.rangeHeader ?? '');
  if (!range) return new RawReply(200, headers, m.data);
  const start = Number(range[1]);
  const end = Math.min(range[2] ? Number(range[2]) : m.data.length - 1, m.data.length - 1);
  if (start > end) return new RawReply(416, { 'Content-Range': `bytes */${m.data.length}` }, Buffer.alloc(0));
  return new RawReply(
    206,
    { ...headers, 'Content-Range': `bytes ${start}-${end}/${m.data.length}` },
    m.data.subarray(start, end + 1),
  );
}
