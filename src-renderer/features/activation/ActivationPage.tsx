import { DownloadOutlined, QuestionCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Empty,
  Popconfirm,
  Progress,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import type { ActivationRow } from '../../../src-main/contract';
import { useActivationStore, useServices } from '../../app/services-context';
import { PageLayout } from '../../components/PageLayout';
import { failureTitle, useReportError } from '../../components/use-report-error';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { formatDateTime } from '../../lib/format';
import { activationRate, invitedRecently, type NotJoinedMember } from './activation-store';
import { InviteResultsModal } from './InviteResultsModal';
import './activation.css';

/** What 激活率 means (walkthrough 57: it was unexplained). */
const RATE_HELP =
  '激活率 = 已激活 ÷（人数 − 已禁用 − 已退出）。已禁用和已退出的人无需激活；没有需要激活的人时为 100%。';
/** Said before every invite: unlike every other action it is not staged (walkthrough 58). */
const INVITE_NOTE =
  '邀请会立即发送给本人（企业微信通过短信或邮件通知），不进入「待推送的修改」，发送后不能撤回。每人最多可被邀请 20 次；24 小时内已邀请过的人不会再次邀请。';

/** A percentage that reads as a number even at 100 % (antd shows only a tick there). */
const percentText = (p?: number) => `${p ?? 0}%`;

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
  const inviteStatus = useActivationStore((s) => s.inviteStatus);
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
  const recentCount = inviteStatus?.recent.size ?? 0;
  const toInviteAll = Math.max(0, (totals?.notJoined ?? 0) - recentCount);
  const lastInvite = inviteStatus?.lastAt
    ? `上次邀请：${formatDateTime(inviteStatus.lastAt)}（${inviteStatus.lastCount} 人）`
    : '还没有发送过邀请';

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
          <Typography.Text type="secondary" data-testid="last-invite">
            {lastInvite}
          </Typography.Text>
          <Popconfirm
            title={`邀请 ${toInviteAll} 名未激活成员？`}
            description={
              <div className="invite-confirm">
                <p>{INVITE_NOTE}</p>
                {recentCount > 0 ? <p>另有 {recentCount} 人 24 小时内已邀请过，这次跳过。</p> : null}
                <p>{lastInvite}</p>
              </div>
            }
            okText="邀请"
            cancelText="取消"
            disabled={toInviteAll === 0}
            onConfirm={() => activation.getState().invite('all')}
          >
            <Button
              type="primary"
              loading={inviting}
              disabled={toInviteAll === 0}
              title={
                totals && totals.notJoined > 0 && toInviteAll === 0
                  ? '未激活成员 24 小时内都已邀请过，请明天再邀请'
                  : undefined
              }
            >
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
          <div className="activation-rate">
            <div className="stat-label">
              激活率{' '}
              <Tooltip title={RATE_HELP}>
                <QuestionCircleOutlined aria-label={RATE_HELP} />
              </Tooltip>
            </div>
            <Progress type="circle" size={56} percent={activationRate(totals)} format={percentText} />
            <div className="rate-formula">
              {totals.active} ÷（{totals.total} − {totals.disabled} − {totals.left}）
            </div>
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
      <InviteResultsModal
        results={inviteResults}
        onClose={() => activation.getState().clearInviteResults()}
      />
      <Typography.Paragraph type="secondary" className="activation-hint">
        每人按主部门只计一次（职务分组等不重复计算），各行相加等于全院人数。点击一行或「名单」查看该部门的未激活成员。
      </Typography.Paragraph>
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
                title: (
                  <Tooltip title={RATE_HELP}>
                    <span>
                      激活率 <QuestionCircleOutlined />
                    </span>
                  </Tooltip>
                ),
                width: 150,
                sorter: (a, b) => activationRate(a) - activationRate(b),
                render: (_: unknown, r: ActivationRow) => (
                  <Progress percent={activationRate(r)} size="small" format={percentText} />
                ),
              },
              {
                key: 'export',
                title: '',
                width: 120,
                render: (_: unknown, r: ActivationRow) => (
                  <Space size={0}>
                    <Button
                      size="small"
                      type="link"
                      disabled={r.notJoined === 0}
                      aria-label={`查看 ${r.name} 的未激活成员`}
                      onClick={(e) => {
                        e.stopPropagation();
                        void activation.getState().selectDepartment(r.departmentId);
                      }}
                    >
                      名单
                    </Button>
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
                  </Space>
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
              <Popconfirm
                title={`邀请所选的 ${picked.length} 人？`}
                description={<div className="invite-confirm">{INVITE_NOTE}</div>}
                okText="邀请"
                cancelText="取消"
                disabled={picked.length === 0}
                onConfirm={() => activation.getState().invite(picked)}
              >
                <Button size="small" type="primary" disabled={picked.length === 0} loading={inviting}>
                  邀请所选（{picked.length}）
                </Button>
              </Popconfirm>
            </Space>
            <Table<NotJoinedMember>
              size="small"
              rowKey="userid"
              loading={notJoinedStatus === 'loading'}
              dataSource={notJoined}
              pagination={notJoined.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              rowSelection={{
                selectedRowKeys: picked,
                onChange: (k) => setPicked(k.map(String)),
                // Invited within the day: main would refuse; the row says why it cannot be picked.
                getCheckboxProps: (m) => ({ disabled: invitedRecently(inviteStatus, m.userid) }),
              }}
              locale={{ emptyText: <Empty description="该部门所有成员都已激活" /> }}
              columns={[
                { key: 'name', dataIndex: 'name', title: '姓名', width: 90 },
                { key: 'position', dataIndex: 'position', title: '职务', ellipsis: true },
                { key: 'mobile', dataIndex: 'mobile', title: '手机', width: 120 },
                { key: 'departments', dataIndex: 'departments', title: '部门', ellipsis: true },
                {
                  key: 'invited',
                  title: '邀请',
                  width: 110,
                  render: (_: unknown, m: NotJoinedMember) =>
                    invitedRecently(inviteStatus, m.userid) ? <Tag>24 小时内已邀请</Tag> : null,
                },
              ]}
            />
          </section>
        ) : null}
      </div>
    </PageLayout>
  );
}
