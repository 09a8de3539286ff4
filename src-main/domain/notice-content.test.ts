import { describe, expect, it } from 'vitest';
import { contentIssues, contentIssueText, fieldCounts } from './notice-content';

describe('notice content limits', () => {
  it('counts bytes, not characters: 682 汉字 fit a text, 683 do not', () => {
    expect(fieldCounts({ type: 'text', content: '汉'.repeat(682) })[0]).toMatchObject({
      bytes: 2046,
      max: 2048,
    });
    expect(contentIssues({ type: 'text', content: '汉'.repeat(682) })).toEqual([]);
    const over = contentIssues({ type: 'text', content: '汉'.repeat(683) });
    expect(over).toEqual([
      {
        code: 'notice.fieldTooLong',
        field: 'content',
        label: '内容',
        bytes: 2049,
        max: 2048,
        required: true,
      },
    ]);
    expect(contentIssueText(over[0]!)).toBe(
      '内容超出企业微信的限制：2049 / 2048 字节（一个汉字占 3 字节），请删减后再发送',
    );
  });

  it('textcard: title 128 bytes, description required, url must be http(s)', () => {
    const issues = contentIssues({
      type: 'textcard',
      title: '标'.repeat(43),
      description: '',
      url: 'ftp://x',
      btntxt: '',
    });
    expect(issues.map((i) => i.code)).toEqual(['notice.fieldTooLong', 'notice.fieldEmpty', 'notice.badUrl']);
  });

  it('news: 1–8 articles', () => {
    const a = { title: 't', description: '', url: 'https://a.cn', picUrl: '' };
    expect(contentIssues({ type: 'news', articles: [] }).map((i) => i.code)).toEqual(['notice.noArticles']);
    expect(contentIssues({ type: 'news', articles: Array(9).fill(a) })[0]).toMatchObject({
      code: 'notice.tooManyArticles',
      count: 9,
    });
    expect(contentIssues({ type: 'news', articles: [a] })).toEqual([]);
  });

  it('mpnews content may be up to 666 KB', () => {
    const art = {
      title: 't',
      thumbMediaId: 'm',
      author: '',
      contentSourceUrl: '',
      content: 'a'.repeat(666 * 1024),
      digest: '',
    };
    expect(contentIssues({ type: 'mpnews', articles: [art] })).toEqual([]);
    expect(
      contentIssues({ type: 'mpnews', articles: [{ ...art, content: art.content + 'a' }] })[0],
    ).toMatchObject({
      code: 'notice.fieldTooLong',
      field: 'articles.0.content',
    });
  });
});
