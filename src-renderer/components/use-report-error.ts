import { App as AntApp } from 'antd';
import { useCallback } from 'react';
import type { AppErrorShape } from '../../src-main/contract';
import { describeError } from '../i18n/error-messages.zh-CN';

/** 「撤销失败：无法连接企业微信（网络不通）」: what was attempted, then the error's Chinese title. */
export function failureTitle(what: string, error: AppErrorShape): string {
  return `${what}失败：${describeError(error).title}`;
}

export type ReportError = (
  what: string,
  error: AppErrorShape | null | undefined,
  options?: { withDetail?: boolean },
) => boolean;

/**
 * The one way a page tells the clerk an action failed: the error code goes through
 * i18n/error-messages.zh-CN, a short message by default, a notification with the fix when
 * `withDetail`. Returns whether there was an error, so callers can stop there.
 */
export function useReportError(): ReportError {
  const { message, notification } = AntApp.useApp();
  return useCallback(
    (what, error, options = {}) => {
      if (!error) return false;
      if (options.withDetail) {
        notification.error({ title: failureTitle(what, error), description: describeError(error).detail });
      } else {
        void message.error(failureTitle(what, error));
      }
      return true;
    },
    [message, notification],
  );
}
