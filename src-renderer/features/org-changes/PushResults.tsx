import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { OutboxOp } from '../../../src-main/contract';
import { useChangesStore, useServices } from '../../app/services-context';
import { useReportError } from '../../components/use-report-error';
import { opErrorText, opFixText, opReasonText, opStatusText } from './push-text';

/** Why a call was refused, in WeCom's terms made concrete, then what to do; the errcode last and small. */
function ReasonCell({ op }: { op: OutboxOp }) {
  const text = opErrorText(op);
  const fix = opFixText(op);
  const reason = opReasonText(op);
  return (
    <div className="op-reason">
      {text ? (
        <Typography.Text type="danger" className="op-error">
          {text}
        </Typography.Text>
      ) : null}
      {fix ? (
        <Typography.Text type="secondary" className="op-fix">
          {fix}
          {op.errcode !== null ? `（错误码 ${op.errcode}）` : ''}
        </Typography.Text>
      ) : null}
      {reason ? (
        <Typography.Text type={op.status === 'failed' ? 'danger' : 'secondary'} className="op-reason-raw">
          {op.status === 'failed' ? `企业微信的说明：${reason}` : reason}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** 「重试」 / 「跳过」 / 「以企业微信为准」 for one failed call. */
function FailedActions({ op, disabled }: { op: OutboxOp; disabled: boolean }) {
  const { changes } = useServices();
  const report = useReportError();
  const settle = async (how: 'skip' | 'takeTheirs') => {
    report('处理', await changes.getState().settleFailed(op.id, how));
  };
  return (
    <Space size={4} wrap>
      <Button size="small" disabled={disabled} onClick={() => void changes.getState().retryFailed([op.id])}>
        重试
      </Button>
      <Popconfirm
        title="跳过这项操作？"
        description="这项修改不会写入企业微信，也不会再自动重试。"
        okText="跳过"
        cancelText="取消"
        onConfirm={() => settle('skip')}
      >
        <Button size="small" disabled={disabled}>
          跳过
        </Button>
      </Popconfirm>
      <Popconfirm
        title="以企业微信为准？"
        description="将放弃本机对这一项的修改，保留企业微信中现在的状态，并重新读取它。"
        okText="以企业微信为准"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onConfirm={() => settle('takeTheirs')}
      >
        <Button size="small" disabled={disabled}>
          以企业微信为准
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** Each call of the push with its outcome; failed calls wait here for the clerk's decision. */
export function PushResults({ ops }: { ops: OutboxOp[] }) {
  const running = useChangesStore((s) => s.push !== null || s.pushStarting);
  const failed = ops.filter((o) => o.status === 'failed').length;
  return (
    <div className="push-results" data-testid="push-results">
      <Typography.Title level={5}>本次推送的各项操作（{ops.length}）</Typography.Title>
      {failed > 0 ? (
        <Typography.Paragraph type="secondary">
          失败的操作不会影响以后的推送。按原因改正后「重试」，或选择「跳过」「以企业微信为准」。
        </Typography.Paragraph>
      ) : null}
      <Table<OutboxOp>
        size="small"
        rowKey="id"
        // Fixed height: long lists scroll inside the table, the dialog and its buttons stay put.
        scroll={{ y: 300 }}
        virtual={ops.length > 200}
        dataSource={ops}
        pagination={false}
        onRow={(o) => ({ 'data-status': o.status, 'data-testid': `op-${o.id}` }) as never}
        columns={[
          { key: 'seq', dataIndex: 'seq', title: '#', width: 50 },
          { key: 'summary', dataIndex: 'summary', title: '操作', width: 260 },
          {
            key: 'status',
            dataIndex: 'status',
            title: '状态',
            width: 80,
            render: (s: OutboxOp['status']) => (
              <Tag color={opStatusText[s].color}>{opStatusText[s].text}</Tag>
            ),
          },
          {
            key: 'error',
            title: '原因',
            render: (_: unknown, o: OutboxOp) => <ReasonCell op={o} />,
          },
          ...(failed > 0
            ? [
                {
                  key: 'actions',
                  title: '处理',
                  width: 150,
                  render: (_: unknown, o: OutboxOp) =>
                    o.status === 'failed' ? <FailedActions op={o} disabled={running} /> : null,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
