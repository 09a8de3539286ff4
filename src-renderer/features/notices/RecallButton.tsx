import { App as AntApp, Button, Input, Space } from 'antd';
import { useRef } from 'react';
import type { NoticeEntry } from '../../../src-main/contract';
import { useServices } from '../../app/services-context';
import { useReportError } from '../../components/use-report-error';

/** 撤回 / 撤回并重发 on a register row: asks for the reason (kept in the register), 取消 focused. */
export function RecallButtons({ notice, onReopen }: { notice: NoticeEntry; onReopen: () => void }) {
  const { notices } = useServices();
  const { modal, message } = AntApp.useApp();
  const reportError = useReportError();
  const reason = useRef('');
  const within24h = Date.now() - Date.parse(notice.sentAt ?? notice.createdAt) < 24 * 3600 * 1000;
  if ((notice.status !== 'sent' && notice.status !== 'partial') || !within24h) return null;

  const ask = (reopen: boolean) => {
    reason.current = '';
    modal.confirm({
      title: reopen ? '撤回这条通知并改正后重发？' : '撤回这条通知？',
      content: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>接收人企业微信里的这条消息会被撤回（微信插件里的副本撤不回）。撤回原因记入发文登记：</span>
          <Input aria-label="撤回原因" maxLength={200} onChange={(e) => (reason.current = e.target.value)} />
        </Space>
      ),
      okText: '撤回',
      cancelText: '取消',
      okButtonProps: { danger: true },
      autoFocusButton: 'cancel',
      onOk: async () => {
        const e = await notices.getState().recall(notice.id, reason.current);
        if (e) {
          reportError('撤回通知', e);
          return;
        }
        void message.success('已撤回');
        if (reopen) {
          const copy = await notices.getState().copyOf(notice.id);
          if (copy) reportError('打开副本', copy);
          else onReopen();
        }
      },
    });
  };

  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={() => ask(false)}>
        撤回
      </Button>
      <Button type="link" size="small" onClick={() => ask(true)}>
        撤回并重发
      </Button>
    </Space>
  );
}
