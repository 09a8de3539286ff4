import { MEDIA_MAX_BYTES, MEDIA_MIN_BYTES, type MediaType } from './message-limits';

/** What a file is by its first bytes; WeCom checks content, not the name. */
export type Sniffed = 'jpg' | 'png' | 'amr' | 'mp4' | 'other';

export function sniff(head: Uint8Array): Sniffed {
  const b = (i: number) => head[i];
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((v, i) => b(i) === v)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 6) === '#!AMR\n') return 'amr';
  if (ascii(4, 8) === 'ftyp') return 'mp4';
  return 'other';
}

/** The message type a dropped file becomes: pictures as 图片, MP4 as 视频, AMR as 语音, the rest as 文件. */
export function mediaTypeOf(kind: Sniffed): MediaType {
  return kind === 'jpg' || kind === 'png'
    ? 'image'
    : kind === 'mp4'
      ? 'video'
      : kind === 'amr'
        ? 'voice'
        : 'file';
}

export type AttachmentIssue =
  | { code: 'attachment.tooSmall'; min: number }
  | { code: 'attachment.tooLarge'; type: MediaType; size: number; max: number }
  | { code: 'attachment.wrongFormat'; type: MediaType };

/** WeCom's media rules for a file sent as `type` (API.md §3.1); null when it will be accepted. */
export function attachmentIssue(type: MediaType, size: number, kind: Sniffed): AttachmentIssue | null {
  if (size <= MEDIA_MIN_BYTES) return { code: 'attachment.tooSmall', min: MEDIA_MIN_BYTES };
  if (type === 'image' && kind !== 'jpg' && kind !== 'png') return { code: 'attachment.wrongFormat', type };
  if (type === 'video' && kind !== 'mp4') return { code: 'attachment.wrongFormat', type };
  if (type === 'voice' && kind !== 'amr') return { code: 'attachment.wrongFormat', type };
  if (size > MEDIA_MAX_BYTES[type])
    return { code: 'attachment.tooLarge', type, size, max: MEDIA_MAX_BYTES[type] };
  return null;
}

const TYPE_ZH: Record<MediaType, string> = { image: '图片', voice: '语音', video: '视频', file: '文件' };
const FORMAT_ZH: Record<MediaType, string> = {
  image: 'JPG 或 PNG',
  voice: 'AMR',
  video: 'MP4',
  file: '任意格式',
};
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB`;

/** The zh-CN words for an attachment issue, with what to do about it. */
export function attachmentIssueText(i: AttachmentIssue): string {
  switch (i.code) {
    case 'attachment.tooSmall':
      return `文件太小：企业微信不接收 ${i.min} 字节及以下的文件`;
    case 'attachment.wrongFormat':
      return `${TYPE_ZH[i.type]}只能是 ${FORMAT_ZH[i.type]}（按文件内容判断，不看扩展名），请转换格式后再添加，或作为「文件」发送`;
    case 'attachment.tooLarge':
      return i.type === 'file'
        ? `文件 ${mb(i.size)}，超过企业微信 ${mb(i.max)} 的上限，无法作为附件发送；请压缩或拆分，或存入云盘后发送链接`
        : `${TYPE_ZH[i.type]} ${mb(i.size)}，超过企业微信 ${mb(i.max)} 的上限；请压缩后再添加${i.type === 'image' ? '（可使用「缩小后添加」）' : ''}`;
  }
}
