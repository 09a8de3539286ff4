import { Typography } from 'antd';
import type { PendingSwitch } from './settings-store';

/** The corp being left, as the clerk knows it. */
export function leavingCorpText(pending: PendingSwitch, leavingDemo: boolean): string {
  if (leavingDemo) return '演示企业';
  return pending.corpId ? `企业 ${pending.corpId}` : '当前企业';
}

/** Body of the 「切换企业」 confirm: what stays behind for the old corp, and that it never goes elsewhere. */
export function CorpSwitchConfirm({
  pending,
  leavingDemo,
}: {
  pending: PendingSwitch;
  leavingDemo: boolean;
}) {
  const who = leavingCorpText(pending, leavingDemo);
  const more = pending.count - pending.labels.length;
  return (
    <div data-testid="corp-switch-confirm">
      {pending.count > 0 ? (
        <>
          <Typography.Paragraph>
            {who}还有 <b>{pending.count}</b> 项未推送的修改：
          </Typography.Paragraph>
          <ul className="corp-switch-labels" data-testid="corp-switch-labels">
            {pending.labels.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
            {more > 0 ? <li>… 另有 {more} 项</li> : null}
          </ul>
        </>
      ) : null}
      {pending.unsettled > 0 ? (
        <Typography.Paragraph>
          {who}还有 <b>{pending.unsettled}</b> 项已开始推送、尚未完成的操作。
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph>
        切换后，这些修改会为{who}单独保留，<b>绝不会推送到新企业</b>。以后重新配置{who}
        时，它们会重新出现，可以继续推送。
      </Typography.Paragraph>
    </div>
  );
}
