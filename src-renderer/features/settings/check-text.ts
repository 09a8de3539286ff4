import type { ConnectionCheck } from '../../../src-main/contract';
import { describeError, type ErrorText } from '../../i18n/error-messages.zh-CN';

/** The Chinese text for one failed check; the IP WeCom saw goes into the 60020 text. */
export function checkFailureText(check: ConnectionCheck): ErrorText {
  const details: Record<string, unknown> = {};
  if (check.ip) details.ip = check.ip;
  if (check.errcode !== null) details.errcode = check.errcode;
  return describeError({ code: check.code ?? 'INTERNAL', details });
}
