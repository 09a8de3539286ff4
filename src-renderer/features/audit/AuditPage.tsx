import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import type { AuditEntry } from '../../../src-main/contract';
import { useAuditStore, useServices } from '../../app/services-context';
import { PageLayout } from '../../components/PageLayout';
import { describeErrorInline } from '../../i18n/error-messages.zh-CN';
import { AuditChanges } from './AuditChanges';
import { AuditFilters } from './AuditFilters';
import { actorText, resultText } from './audit-text';

const columns: TableColumnsType<AuditEntry> = [
  {
    title: '时间',
    dataIndex: 'at',
    width: 170,
    render: (v: string) => (dayjs(v).isValid() ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : v),
  },
  {
    title: '操作人',
    key: 'actor',
    width: 190,
    render: (_: unknown, e) => (
      <Tooltip title={e.profile ? `企业：${e.profile}` : undefined}>
        <span data-testid="audit-actor">{actorText(e)}</span>
      </Tooltip>
    ),
  },
  { title: '类型', dataIndex: 'kindLabel', width: 130 },
  { title: '操作', dataIndex: 'summary' },
  {
    title: '结果',
    key: 'result',
    width: 150,
    render: (_: unknown, e) => {
      const r = resultText(e);
      const tag = <Tag color={r.color}>{r.text}</Tag>;
      return r.detail ? <Tooltip title={r.detail}>{tag}</Tooltip> : tag;
    },
  },
];

/** 操作记录: what reached WeCom, when, by whom, and field by field what changed. */
export function AuditPage() {
  const { audit } = useServices();
  const { message } = App.useApp();
  const status = useAuditStore((s) => s.status);
  const entries = useAuditStore((s) => s.entries);
  const error = useAuditStore((s) => s.error);
  const hasMore = useAuditStore((s) => s.hasMore);
  const loadingMore = useAuditStore((s) => s.loadingMore);
  const exporting = useAuditStore((s) => s.exporting);
  const filtered = useAuditStore((s) => Object.keys(s.filter).length > 0);
  useEffect(() => {
    void audit.getState().load();
  }, [audit]);

  const exportXlsx = async () => {
    const r = await audit.getState().exportXlsx();
    if ('error' in r) void message.error(`导出失败：${describeErrorInline(r.error)}`);
    else if (r.rows === 0) void message.info('没有符合筛选条件的记录，已导出一个空表格');
    else void message.success(`已导出 ${r.rows} 条操作记录`);
  };

  return (
    <PageLayout
      title="操作记录"
      testId="audit-page"
      extra={
        <Space>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()}>
            导出 Excel
          </Button>
          <Button icon={<ReloadOutlined />} onClick={() => void audit.getState().load()}>
            刷新
          </Button>
        </Space>
      }
      description="每一次写入企业微信的操作（推送的修改、邀请）都记录在本机：谁、何时、改了什么（修改前 → 修改后），便于核对和追责。"
      error={error ? { what: '读取操作记录', error, onRetry: () => void audit.getState().load() } : null}
    >
      <AuditFilters />
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={status === 'loading'}
        columns={columns}
        dataSource={entries}
        pagination={false}
        onRow={(e) => ({ 'data-testid': `audit-row-${e.id}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: <Empty description={filtered ? '没有符合筛选条件的记录' : '还没有写入企业微信的操作'} />,
        }}
        expandable={{
          expandedRowRender: (e) => <AuditChanges entry={e} />,
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
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        操作人是运行本程序的电脑账号；导出的 Excel 包含当前筛选出的全部记录。
      </Typography.Paragraph>
    </PageLayout>
  );
}
