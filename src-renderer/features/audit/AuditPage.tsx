import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import type { AuditEntry } from '../../../src-main/contract';
import { useAuditStore, useServices } from '../../app/services-context';
import { PageLayout } from '../../components/PageLayout';
import { formatDateTime } from '../../lib/format';

const pretty = (json: string | null): string => {
  if (json === null) return '（无）';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
};

const columns: TableColumnsType<AuditEntry> = [
  { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
  { title: '操作', dataIndex: 'summary' },
  {
    title: '接口',
    dataIndex: 'api',
    width: 170,
    render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
  },
  {
    title: '结果',
    dataIndex: 'result',
    width: 150,
    render: (v: string) => <Tag color={v === '成功' ? 'green' : 'red'}>{v}</Tag>,
  },
];

/** 操作记录: what reached WeCom, when, and the before/after of each change. */
export function AuditPage() {
  const { audit } = useServices();
  const status = useAuditStore((s) => s.status);
  const entries = useAuditStore((s) => s.entries);
  const error = useAuditStore((s) => s.error);
  const hasMore = useAuditStore((s) => s.hasMore);
  const loadingMore = useAuditStore((s) => s.loadingMore);
  useEffect(() => {
    void audit.getState().load();
  }, [audit]);

  return (
    <PageLayout
      title="操作记录"
      testId="audit-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void audit.getState().load()}>
          刷新
        </Button>
      }
      description="每一次写入企业微信的操作（推送的修改、邀请）都记录在本机，含修改前后的内容，便于核对和追责。"
      error={error ? { what: '读取操作记录', error, onRetry: () => void audit.getState().load() } : null}
    >
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={status === 'loading'}
        columns={columns}
        dataSource={entries}
        pagination={false}
        locale={{ emptyText: <Empty description="还没有写入企业微信的操作" /> }}
        expandable={{
          expandedRowRender: (e) => (
            <div className="audit-diff" style={{ display: 'flex', gap: 16 }}>
              <div style={{ flex: 1 }}>
                <Typography.Text strong>修改前</Typography.Text>
                <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{pretty(e.before)}</pre>
              </div>
              <div style={{ flex: 1 }}>
                <Typography.Text strong>修改后</Typography.Text>
                <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{pretty(e.after)}</pre>
              </div>
            </div>
          ),
        }}
      />
      {hasMore ? (
        <Button
          style={{ marginTop: 12 }}
          loading={loadingMore}
          onClick={() => void audit.getState().loadMore()}
        >
          加载更早的记录
        </Button>
      ) : null}
    </PageLayout>
  );
}
