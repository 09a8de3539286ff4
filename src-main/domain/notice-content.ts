import type { MessageContent } from '../contract/message-calls';
import { FIELD_BYTES, MAX_ARTICLES, utf8Bytes } from './message-limits';

/**
 * One counted field of a notice: what the composer shows under it (「已用 1,980 / 2,048 字节」) and what
 * main refuses before anything is recorded for sending. WeCom counts UTF-8 bytes, so a 汉字 is 3.
 */
export interface FieldCount {
  /** e.g. 'content', 'title', 'articles.0.title' */
  field: string;
  /** zh label shown with the count */
  label: string;
  bytes: number;
  max: number;
  required: boolean;
}

export type ContentIssue =
  | { code: 'notice.fieldTooLong'; field: string; label: string; bytes: number; max: number }
  | { code: 'notice.fieldEmpty'; field: string; label: string }
  | { code: 'notice.tooManyArticles'; count: number; max: number }
  | { code: 'notice.noArticles' }
  | { code: 'notice.badUrl'; field: string; label: string };

const count = (field: string, label: string, v: string, max: number, required = false): FieldCount => ({
  field,
  label,
  bytes: utf8Bytes(v),
  max,
  required,
});

export function fieldCounts(c: MessageContent): FieldCount[] {
  switch (c.type) {
    case 'text':
      return [count('content', '内容', c.content, FIELD_BYTES.text, true)];
    case 'markdown':
      return [count('content', '内容', c.content, FIELD_BYTES.markdown, true)];
    case 'image':
    case 'voice':
    case 'file':
      return [];
    case 'video':
      return [
        count('title', '标题', c.title, FIELD_BYTES.title),
        count('description', '描述', c.description, FIELD_BYTES.description),
      ];
    case 'textcard':
      return [
        count('title', '标题', c.title, FIELD_BYTES.title, true),
        count('description', '描述', c.description, FIELD_BYTES.description, true),
        count('url', '链接', c.url, FIELD_BYTES.url, true),
      ];
    case 'news':
      return c.articles.flatMap((a, i) => [
        count(`articles.${i}.title`, `第 ${i + 1} 篇标题`, a.title, FIELD_BYTES.title, true),
        count(`articles.${i}.description`, `第 ${i + 1} 篇摘要`, a.description, FIELD_BYTES.description),
        count(`articles.${i}.url`, `第 ${i + 1} 篇链接`, a.url, FIELD_BYTES.url, true),
      ]);
    case 'mpnews':
      return c.articles.flatMap((a, i) => [
        count(`articles.${i}.title`, `第 ${i + 1} 篇标题`, a.title, FIELD_BYTES.title, true),
        count(`articles.${i}.author`, `第 ${i + 1} 篇作者`, a.author, FIELD_BYTES.mpnewsAuthor),
        count(`articles.${i}.digest`, `第 ${i + 1} 篇摘要`, a.digest, FIELD_BYTES.digest),
        count(`articles.${i}.content`, `第 ${i + 1} 篇正文`, a.content, FIELD_BYTES.mpnewsContent, true),
      ]);
    case 'textNotice':
      // template_card text_notice: main_title.title ≤ 36 chars, desc ≤ 44 (API.md §4.2); as bytes of CJK
      return [
        count('title', '标题', c.title, 36 * 3, true),
        count('description', '描述', c.description, 44 * 3),
        count('url', '链接', c.url, FIELD_BYTES.url, true),
      ];
  }
}

/** What stops this content from being sent as WeCom would show it; empty = sendable. */
export function contentIssues(c: MessageContent): ContentIssue[] {
  const out: ContentIssue[] = [];
  if (c.type === 'news' || c.type === 'mpnews') {
    if (c.articles.length === 0) out.push({ code: 'notice.noArticles' });
    if (c.articles.length > MAX_ARTICLES)
      out.push({ code: 'notice.tooManyArticles', count: c.articles.length, max: MAX_ARTICLES });
  }
  for (const f of fieldCounts(c)) {
    if (f.required && f.bytes === 0) out.push({ code: 'notice.fieldEmpty', field: f.field, label: f.label });
    else if (f.bytes > f.max) out.push({ code: 'notice.fieldTooLong', ...f });
    const isUrl = f.field === 'url' || f.field.endsWith('.url');
    if (isUrl && f.bytes > 0 && !/^https?:\/\//i.test(urlOf(c, f.field)))
      out.push({ code: 'notice.badUrl', field: f.field, label: f.label });
  }
  return out;
}

function urlOf(c: MessageContent, field: string): string {
  if (field === 'url' && 'url' in c) return c.url;
  const m = /^articles\.(\d+)\.url$/.exec(field);
  if (m && c.type === 'news') return c.articles[Number(m[1])]?.url ?? '';
  return '';
}

/** The zh-CN words for a content issue, the same in the composer and in main's refusal. */
export function contentIssueText(i: ContentIssue): string {
  switch (i.code) {
    case 'notice.fieldTooLong':
      return `${i.label}超出企业微信的限制：${i.bytes} / ${i.max} 字节（一个汉字占 3 字节），请删减后再发送`;
    case 'notice.fieldEmpty':
      return `请填写${i.label}`;
    case 'notice.tooManyArticles':
      return `图文最多 ${i.max} 篇，现在有 ${i.count} 篇，请删去多余的`;
    case 'notice.noArticles':
      return '请至少添加一篇图文';
    case 'notice.badUrl':
      return `${i.label}要以 http:// 或 https:// 开头`;
  }
}
