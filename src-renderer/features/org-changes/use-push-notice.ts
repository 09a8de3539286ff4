import { App as AntApp, Button } from 'antd';
import { createElement, useEffect } from 'react';
import { useServices } from '../../app/services-context';
import { outcomeHeadline } from './push-outcome';

/**
 * A push left to run in the background (「在后台继续」) ends with a notification saying what happened —
 * failures included — and a button back to the dialog. Nothing is shown while the dialog is open: the
 * dialog says it there.
 */
export function usePushNotice(): void {
  const { changes } = useServices();
  const { notification } = AntApp.useApp();
  useEffect(
    () =>
      changes.subscribe((s, prev) => {
        const o = s.pushOutcome;
        if (!o || o === prev.pushOutcome || s.pushDialogOpen) return;
        const key = 'push-finished';
        const open = createElement(
          Button,
          {
            size: 'small',
            type: 'primary',
            onClick: () => {
              notification.destroy(key);
              changes.getState().setPushDialogOpen(true);
            },
          },
          '查看结果',
        );
        const args = {
          key,
          title: outcomeHeadline(o),
          description: o.kind === 'success' ? '推送已在后台完成。' : '推送已在后台结束，请查看结果并处理。',
          actions: open,
          duration: o.kind === 'success' ? 6 : 0,
        };
        if (o.kind === 'success') notification.success(args);
        else if (o.kind === 'partial' || o.kind === 'paused') notification.warning(args);
        else notification.error(args);
      }),
    [changes, notification],
  );
}
