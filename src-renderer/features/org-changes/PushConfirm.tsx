import { Alert, Spin, Typography } from 'antd';
import type { PushPreview } from '../../../src-main/contract';
import { previewReasons, previewSentence } from './push-text';

/**
 * Before any write to WeCom: what the push will write, counted by kind, and why the number of calls
 * differs from the number of changes in the list when it does.
 */
export function PushConfirm({ preview }: { preview: PushPreview | null }) {
  if (!preview) {
    return (
      <div className="push-confirm" data-testid="push-confirm">
        <Spin size="small" /> <Typography.Text type="secondary">正在计算要写入的内容…</Typography.Text>
      </div>
    );
  }
  const reasons = previewReasons(preview.changes, preview.calls, preview.byKind);
  return (
    <div className="push-confirm" data-testid="push-confirm">
      <Typography.Title level={5} data-testid="push-confirm-summary">
        {preview.calls === 0 && preview.carried > 0
          ? `将完成上次未完成的 ${preview.carried} 项操作`
          : previewSentence(preview.calls, preview.byKind)}
      </Typography.Title>
      {preview.changes > 0 ? (
        <Typography.Paragraph type="secondary">
          {`来自「待推送的修改」中的 ${preview.changes} 项修改。`}
          推送时会先拉取企业微信的最新数据、检查冲突，有冲突时不会写入任何内容。
        </Typography.Paragraph>
      ) : null}
      {reasons.length > 0 ? (
        <div className="push-confirm-reasons" data-testid="push-confirm-reasons">
          <Typography.Text>为什么操作数与修改数不同：</Typography.Text>
          <ul>
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview.carried > 0 ? (
        <Alert
          type="info"
          showIcon
          title={`另有 ${preview.carried} 项上次未完成的操作`}
          description="会先读取企业微信核对它们是否已生效，未生效的才发送，不会重复写入。"
        />
      ) : null}
      {preview.failed > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={`还有 ${preview.failed} 项以前被企业微信拒绝的操作`}
          description="它们不会自动重发；推送后可在结果中逐项「重试」「跳过」或「以企业微信为准」。"
        />
      ) : null}
      {preview.demo ? (
        <Typography.Paragraph type="secondary" className="push-confirm-demo">
          演示模式：写入的是内置的演示企业，不会影响真实的企业微信。
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
