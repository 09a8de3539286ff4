import { createHash, randomBytes } from 'node:crypto';
import { MEDIA_TTL_S, type MediaType } from '../../domain/message-limits';
import type { SandboxClock } from './clock';

export interface StoredMedia {
  mediaId: string;
  type: MediaType;
  filename: string;
  contentType: string;
  data: Buffer;
  /** unix seconds on the sandbox clock */
  createdAt: number;
}

/** Temporary media (3 days, shared by every app of the corp) and the permanent uploadimg images. */
export class MediaStore {
  private readonly media = new Map<string, StoredMedia>();
  private readonly images = new Map<string, Buffer>();
  /** every upload the corp has made, for tests that count uploads */
  uploads = 0;

  constructor(private readonly clock: SandboxClock) {}

  put(m: Omit<StoredMedia, 'mediaId' | 'createdAt'>): StoredMedia {
    // 44 URL-safe characters like the doc sample's media_id
    const mediaId = `1${randomBytes(33).toString('base64url').slice(0, 43)}`;
    const stored: StoredMedia = { ...m, mediaId, createdAt: this.clock.nowS() };
    this.media.set(mediaId, stored);
    this.uploads++;
    return stored;
  }

  /** undefined when unknown or older than 3 days */
  get(mediaId: string): StoredMedia | undefined {
    const m = this.media.get(mediaId);
    if (!m) return undefined;
    if (this.clock.nowS() - m.createdAt >= MEDIA_TTL_S) return undefined;
    return m;
  }

  /** uploadimg: a permanent URL in the shape WeCom returns */
  putImage(data: Buffer): string {
    const digest = createHash('sha1').update(data).digest('hex');
    const url = `http://p.qpic.cn/pic_wework/${this.images.size + 1000}/${digest}/0`;
    this.images.set(url, data);
    return url;
  }

  hasImage(url: string): boolean {
    return this.images.has(url);
  }

  clear(): void {
    this.media.clear();
    this.images.clear();
    this.uploads = 0;
  }
}
