import { describe, expect, it } from 'vitest';
import { attachmentIssue, attachmentIssueText, mediaTypeOf, sniff } from './media-kind';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const text = new TextEncoder().encode('plain text file');

describe('attachments', () => {
  it('judges by content: a PNG renamed .jpg is still a picture, text named .png is not', () => {
    expect(sniff(png)).toBe('png');
    expect(sniff(text)).toBe('other');
    expect(mediaTypeOf(sniff(png))).toBe('image');
    expect(attachmentIssue('image', 100, sniff(text))).toEqual({
      code: 'attachment.wrongFormat',
      type: 'image',
    });
  });

  it('applies WeCom sizes: >5 bytes, image/video 10 MB, voice 2 MB, file 20 MB', () => {
    expect(attachmentIssue('file', 5, 'other')).toEqual({ code: 'attachment.tooSmall', min: 5 });
    expect(attachmentIssue('file', 20 * 1024 * 1024, 'other')).toBeNull();
    const big = attachmentIssue('file', 25 * 1024 * 1024, 'other')!;
    expect(attachmentIssueText(big)).toBe(
      '文件 25 MB，超过企业微信 20 MB 的上限，无法作为附件发送；请压缩或拆分，或存入云盘后发送链接',
    );
    expect(attachmentIssue('image', 10 * 1024 * 1024 + 1, 'jpg')).toMatchObject({
      code: 'attachment.tooLarge',
    });
    expect(attachmentIssue('voice', 2 * 1024 * 1024 + 1, 'amr')).toMatchObject({
      code: 'attachment.tooLarge',
    });
  });
});
