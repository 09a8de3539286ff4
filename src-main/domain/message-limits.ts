// WeCom's limits for app messages and media (API.md §3, §4.1), written once: the sandbox enforces
// them, the notice composer counts against them. Byte limits are UTF-8 bytes, not characters.

export const MSG_TYPES = [
  'text',
  'image',
  'voice',
  'video',
  'file',
  'textcard',
  'news',
  'mpnews',
  'markdown',
  'template_card',
] as const;
export type MsgType = (typeof MSG_TYPES)[number];

/** one send's recipient lists (more → 40032 / 82002 / 82003; the client splits a notice) */
export const MAX_TO_USERS = 1000;
export const MAX_TO_PARTIES = 100;
export const MAX_TO_TAGS = 100;

/** per app and member; the excess is dropped silently (still errcode 0) */
export const PER_MEMBER_PER_MINUTE = 30;
export const PER_MEMBER_PER_HOUR = 1000;

export const DUPLICATE_CHECK_DEFAULT_S = 1800;
export const DUPLICATE_CHECK_MAX_S = 14400;
/** message/recall works on messages at most this old (42052 after) */
export const RECALL_WINDOW_S = 24 * 3600;

/** Field byte limits; `null` where the field is a media id or unlimited. */
export const FIELD_BYTES = {
  text: 2048,
  markdown: 2048,
  title: 128,
  description: 512,
  url: 2048,
  btntxtChars: 4,
  mpnewsContent: 666 * 1024,
  mpnewsAuthor: 64,
  digest: 512,
  pagepath: 128,
} as const;

export const MAX_ARTICLES = 8;

/** msgtypes on which `safe` (保密) may be 1; 2 (company-only) only on mpnews */
export const SAFE_TYPES: readonly MsgType[] = ['text', 'image', 'video', 'file', 'mpnews'];

export type MediaType = 'image' | 'voice' | 'video' | 'file';

/** media/upload limits by type; every file must also be over MEDIA_MIN_BYTES */
export const MEDIA_MAX_BYTES: Record<MediaType, number> = {
  image: 10 * 1024 * 1024,
  voice: 2 * 1024 * 1024,
  video: 10 * 1024 * 1024,
  file: 20 * 1024 * 1024,
};
export const MEDIA_MIN_BYTES = 5;
/** uploadimg (inline mpnews images): JPG/PNG up to 2 MB */
export const UPLOADIMG_MAX_BYTES = 2 * 1024 * 1024;
/** a media_id lives 3 days from created_at */
export const MEDIA_TTL_S = 3 * 24 * 3600;

/** UTF-8 byte length without Buffer, so the renderer can count as the user types */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
