import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { sniff, type Sniffed } from '../../domain/media-kind';

export interface StoredFile {
  sha256: string;
  size: number;
  kind: Sniffed;
}

/**
 * Attachments kept in the data folder by content hash (`attachments/ab/abcdef…`), so a draft with
 * attachments works offline and survives restarts, and the same file attached twice is stored once.
 * Files are copied in streams (a 20 MB file never sits in memory) and renamed into place when whole.
 */
export class AttachmentStore {
  constructor(private readonly root: string) {}

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  /** Copies a file in, hashing it on the way. */
  async addFile(path: string): Promise<StoredFile> {
    await mkdir(this.root, { recursive: true });
    const tmp = join(
      this.root,
      `.incoming-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    );
    const hash = createHash('sha256');
    let size = 0;
    try {
      const src = createReadStream(path);
      src.on('data', (c) => {
        hash.update(c as Buffer);
        size += (c as Buffer).length;
      });
      await pipeline(src, createWriteStream(tmp));
      const sha256 = hash.digest('hex');
      const kind = await this.sniffFile(tmp);
      await this.place(tmp, sha256);
      return { sha256, size, kind };
    } finally {
      await rm(tmp, { force: true });
    }
  }

  async addBuffer(data: Buffer): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(data).digest('hex');
    await mkdir(this.root, { recursive: true });
    const tmp = join(
      this.root,
      `.incoming-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    );
    try {
      const fh = await open(tmp, 'w');
      await fh.writeFile(data);
      await fh.sync();
      await fh.close();
      await this.place(tmp, sha256);
    } finally {
      await rm(tmp, { force: true });
    }
    return { sha256, size: data.length, kind: sniff(data.subarray(0, 16)) };
  }

  private async place(tmp: string, sha256: string): Promise<void> {
    const dest = this.pathOf(sha256);
    if (await this.has(sha256)) return;
    await mkdir(dirname(dest), { recursive: true });
    await rename(tmp, dest);
  }

  /** What a stored attachment is by content; null when it is not in the store. */
  async kindOf(sha256: string): Promise<Sniffed | null> {
    if (!(await this.has(sha256))) return null;
    return this.sniffFile(this.pathOf(sha256));
  }

  private async sniffFile(path: string): Promise<Sniffed> {
    const fh = await open(path, 'r');
    try {
      const head = Buffer.alloc(16);
      const { bytesRead } = await fh.read(head, 0, 16, 0);
      return sniff(head.subarray(0, bytesRead));
    } finally {
      await fh.close();
    }
  }
}
