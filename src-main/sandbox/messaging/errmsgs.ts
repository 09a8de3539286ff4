import { ApiError } from '../errors';

// Short English texts for the message and media errcodes (API.md §3, §4, §7.4); clients key on
// errcode only.
const MESSAGING_MSG: Record<number, string> = {
  40004: 'invalid media type',
  40005: 'invalid type parameter',
  40006: 'invalid file size',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40009: 'invalid image size',
  40011: 'invalid video size',
  40074: 'news message not support safe',
  40123: 'invalid image file',
  41011: 'missing agentid',
  41016: 'missing title',
  41033: 'missing description',
  42052: 'msgid expired',
  44001: 'empty media data',
  44004: 'empty content',
  45001: 'media size out of limit',
  45002: 'content size out of limit',
  45008: 'article size out of limit',
  45032: 'author size out of limit',
  81013: 'user & party & tag all invalid',
  82001: 'all touser & toparty & totag invalid',
  82002: 'toparty size out of limit',
  82003: 'totag size out of limit',
  301002: 'not allow operate another agent with this accesstoken',
  301017: 'invalid voice format',
};

export function msgError(errcode: number, extra: Record<string, unknown> = {}): ApiError {
  return new ApiError(errcode, extra, MESSAGING_MSG[errcode]);
}
