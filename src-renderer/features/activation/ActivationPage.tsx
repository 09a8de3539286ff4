import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Popconfirm, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ActivationRow } from '../../../src-main/contract';
import { useActivationStore, useServices } from '../../app/services-context';
import { PageLayout } from '../../components/PageLayout';
import { failureTitle, useReportError } from '../../components/use-report-error';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { formatDateTime } from '../../lib/format';
import { activationRate, type NotJoinedMember } from './activation-store';
import './activation.css';

/** A tiny inline SVG line of notJoined over recent syncs; no chart library for one line. */
export function sparklinePoints(values: readonly number[], width: number, height: number): string {
  if (values.length === 0) return '';
  const max = Math.max(...values, 1);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  return values
    .map((v, i) => `${Math.round(i * step * 10) / 10},${Math.round((height - (v / max) * height) * 10) / 10}`)
    .join(' ');
}

export function ActivationPage() {
  const { activation } = useServices();
  const reportError = useReportError();
  const status = useActivationStore((s) => s.status);
  const loadError = useActivationStore((s) => s.loadError);
  const report = useActivationStore((s) => s.report);
  const selectedDeptId = useActivationStore((s) => s.selectedDeptId);
  const notJoined = useActivationStore((s) => s.notJoined);
  const notJoinedStatus = useActivationStore((s) => s.notJoinedStatus);
  const inviting = useActivationStore((s) => s.inviting);
  const inviteResults = useActivationStore((s) => s.inviteResults);
  const inviteError = useActivationStore((s) => s.inviteError);
  const [picked, setPicked] = useState<string[]>([]);

  useEffect(() => {
    void activation.getState().load();
  }, [activation]);
  useEffect(() => setPicked([]), [selectedDeptId]);

  const exportCsv = async (departmentId?: number) => {
    reportError('导出', await activation.getState().exportCsv(departmentId));
  };

  const totals = report?.totals;
  const trend = report?.trend ?? [];
  const selectedRow = report?.rows.find((r) => r.departmentId === selectedDeptId);

  return (
    <PageLayout
      title="激活情况"
      testId="activation-page"
      className="activation-page"
      error={
        loadError
          ? { what: '读取激活情况', error: loadError, onRetry: () => void activation.getState().load() }
          : null
      }
      loading={status === 'loading' && !report}
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void activation.getState().load()}>
            刷新
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportCsv()}>
            导出全部未激活
          </Button>
          <Popconfirm
            title={`邀请全部 ${totals?.notJoined ?? 0} 名未激活成员？`}
            description="企业微信会通过短信或邮件发送邀请；每人最多可被邀请 20 次。"
            okText="邀请"
            cancelText="取消"
            disabled={!totals || totals.notJoined === 0}
            onConfirm={() => activation.getState().invite('all')}
          >
            <Button type="primary" loading={inviting} disabled={!totals || totals.notJoined === 0}>
              邀请全部未激活成员
            </Button>
          </Popconfirm>
        </>
      }
    >
      {totals ? (
        <div className="activation-totals" data-testid="activation-totals">
          <Statistic title="成员" value={totals.total} />
          <Statistic title="已激活" value={totals.active} />
          <Statistic title="未激活" value={totals.notJoined} />
          <Statistic title="已禁用" value={totals.disabled} />
          <Statistic title="已退出" value={totals.left} />
          <div>
            <div className="stat-label">激活率</div>
            <Progress type="circle" size={56} percent={activationRate(totals)} />
          </div>
          {trend.length > 1 ? (
            <div className="activation-trend" data-testid="activation-trend">
              <div className="stat-label">未激活人数趋势（最近 {trend.length} 次同步）</div>
              <svg
                width={160}
                height={40}
                role="img"
                aria-label={`未激活人数从 ${trend[0]!.notJoined} 变为 ${trend.at(-1)!.notJoined}`}
              >
                <polyline
                  fill="none"
                  stroke="#fa8c16"
                  strokeWidth={2}
                  points={sparklinePoints(
                    trend.map((p) => p.notJoined),
                    156,
                    36,
                  )}
                />
              </svg>
              <div className="trend-range">
                {formatDateTime(trend[0]!.at)} {trend[0]!.notJoined} 人 → {formatDateTime(trend.at(-1)!.at)}{' '}
                {trend.at(-1)!.notJoined} 人
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
      {totals && totals.notJoined === 0 ? <Alert type="success" showIcon title="所有成员都已激活" /> : null}
      {inviteError ? (
        <Alert
          type="error"
          showIcon
          title={failureTitle('邀请', inviteError)}
          description={describeError(inviteError).detail}
        />
      ) : null}
      {inviteResults ? (
        <div data-testid="invite-results" className="invite-results">
          <Typography.Title level={5}>
            邀请结果：成功 {inviteResults.filter((r) => r.ok).length} 人，失败{' '}
            {inviteResults.filter((r) => !r.ok).length} 人
            <Button type="link" onClick={() => activation.getState().clearInviteResults()}>
              关闭
            </Button>
          </Typography.Title>
          <Table
            size="small"
            rowKey="userid"
            dataSource={inviteResults}
            pagination={inviteResults.length > 20 ? { pageSize: 20 } : false}
            columns={[
              { key: 'name', dataIndex: 'name', title: '姓名' },
              { key: 'userid', dataIndex: 'userid', title: '账号' },
              {
                key: 'ok',
                dataIndex: 'ok',
                title: '结果',
                render: (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{ok ? '成功' : '失败'}</Tag>,
              },
              { key: 'reason', dataIndex: 'reason', title: '原因', render: (r: string | null) => r ?? '' },
            ]}
          />
        </div>
      ) : null}
      <div className="activation-split">
        <div className="activation-table" data-testid="activation-table">
          <Table<ActivationRow>
            size="small"
            rowKey="departmentId"
            dataSource={report?.rows ?? []}
            loading={status === 'loading'}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            locale={{ emptyText: <Empty description="暂无数据，请先同步通讯录" /> }}
            rowClassName={(r) => (r.departmentId === selectedDeptId ? 'is-row-selected' : '')}
            onRow={(r) => ({
              onClick: () => void activation.getState().selectDepartment(r.departmentId),
              style: { cursor: 'pointer' },
            })}
            columns={[
              { key: 'path', dataIndex: 'path', title: '部门', ellipsis: true },
              {
                key: 'total',
                dataIndex: 'total',
                title: '人数',
                width: 70,
                sorter: (a, b) => a.total - b.total,
              },
              { key: 'active', dataIndex: 'active', title: '已激活', width: 80 },
              {
                key: 'notJoined',
                dataIndex: 'notJoined',
                title: '未激活',
                width: 80,
                sorter: (a, b) => a.notJoined - b.notJoined,
                defaultSortOrder: 'descend',
              },
              { key: 'disabled', dataIndex: 'disabled', title: '已禁用', width: 80 },
              { key: 'left', dataIndex: 'left', title: '已退出', width: 80 },
              {
                key: 'rate',
                title: '激活率',
                width: 140,
                sorter: (a, b) => activationRate(a) - activationRate(b),
                render: (_: unknown, r: ActivationRow) => (
                  <Progress percent={activationRate(r)} size="small" />
                ),
              },
              {
                key: 'export',
                title: '',
                width: 70,
                render: (_: unknown, r: ActivationRow) => (
                  <Button
                    size="small"
                    type="link"
                    disabled={r.notJoined === 0}
                    aria-label={`导出 ${r.name} 的未激活成员`}
                    onClick={(e) => {
                      e.stopPropagation();
                      void exportCsv(r.departmentId);
                    }}
                  >
                    导出
                  </Button>
                ),
              },
            ]}
          />
        </div>
        {selectedDeptId !== undefined ? (
          <section className="not-joined" data-testid="not-joined" aria-label="未激活成员">
            <Space className="not-joined-head" wrap>
              <Typography.Text strong>
                {selectedRow
                  ? `${selectedRow.path} 的未激活成员（${notJoined.length}）`
                  : `未激活成员（${notJoined.length}）`}
              </Typography.Text>
              <Button
                size="small"
                type="primary"
                disabled={picked.length === 0}
                loading={inviting}
                onClick={() => void activation.getState().invite(picked)}
              >
                邀请所选（{picked.length}）
              </Button>
            </Space>
            <Table<NotJoinedMember>
              size="small"
              rowKey="userid"
              loading={notJoinedStatus === 'loading'}
              dataSource={notJoined}
              pagination={notJoined.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              rowSelection={{ selectedRowKeys: picked, onChange: (k) => setPicked(k.map(String)) }}
              locale={{ emptyText: <Empty description="该部门所有成员都已激活" /> }}
              columns={[
                { key: 'name', dataIndex: 'name', title: '姓名', width: 90 },
                { key: 'position', dataIndex: 'position', title: '职务', ellipsis: true },
                { key: 'mobile', dataIndex: 'mobile', title: '手机', width: 120 },
                { key: 'departments', dataIndex: 'departments', title: '部门', ellipsis: true },
              ]}
            />
          </section>
        ) : null}
      </div>
    </PageLayout>
  );
}
