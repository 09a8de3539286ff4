import { DownloadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Input, List, Popconfirm, Space, Table, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { NoticeEntry } from '../../../src-main/contract';
import { useServices } from '../../app/services-context';
import { PageLayout } from '../../components/PageLayout';
import { useReportError } from '../../components/use-report-error';
import { NoticeComposer } from './NoticeComposer';
import { RecallButtons } from './RecallButton';
import { useNoticesStore } from './use-notices-store';
import './notices.css';

const STATUS: Record<NoticeEntry['status'], { text: string; color: string }> = {
  scheduled: { text: '定时', color: 'blue' },
  sending: { text: '待发送', color: 'gold' },
  sent: { text: '已发送', color: 'green' },
  partial: { text: '部分失败', color: 'orange' },
  failed: { text: '发送失败', color: 'red' },
  recalled: { text: '已撤回', color: 'default' },
  cancelled: { text: '已取消', color: 'default' },
};

/** 通知: write a notice (saved as a draft while typing), the drafts, and the 发文登记 of what was sent. */
export function NoticesPage() {
  const { notices, settings } = useServices();
  const { message } = AntApp.useApp();
  const drafts = useNoticesStore((s) => s.drafts);
  const register = useNoticesStore((s) => s.register);
  const [tab, setTab] = useState('compose');
  const [query, setQuery] = useState('');
  const reportError = useReportError();
  const q = query.trim();
  const shown = q ? register.filter((n) => n.title.includes(q) || (n.docNo ?? '').includes(q)) : register;

  useEffect(() => {
    void notices.getState().loadLists();
    if (!settings.getState().profile) void settings.getState().load();
    // leaving the page saves what was typed
    return () => void notices.getState().flush();
  }, [notices, settings]);

  const remove = async (id: number) => {
    const undo = await notices.getState().removeDraft(id);
    if (undo)
      void message.success({
        content: (
          <span>
            已删除草稿{' '}
            <Button type="link" size="small" onClick={() => void undo()}>
              撤销
            </Button>
          </span>
        ),
      });
  };

  return (
    <PageLayout
      title="通知"
      testId="notices-page"
      description="经「小助手」类应用发给全员、部门或个人；草稿边写边保存，发送只会投递一次，发出的通知记入发文登记。"
      extra={
        <Button
          onClick={() => {
            notices.getState().newNotice(notices.getState().compose.agentid);
            setTab('compose');
          }}
        >
          新建通知
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'compose', label: '写通知', children: <NoticeComposer /> },
          {
            key: 'drafts',
            label: `草稿（${drafts.length}）`,
            children:
              drafts.length === 0 ? (
                <Empty description="没有草稿：在「写通知」里输入的内容会自动保存为草稿" />
              ) : (
                <List
                  data-testid="notice-drafts"
                  dataSource={drafts}
                  renderItem={(d) => (
                    <List.Item
                      actions={[
                        <Button
                          key="open"
                          type="link"
                          onClick={() => {
                            notices.getState().openDraft(d);
                            setTab('compose');
                          }}
                        >
                          继续编辑
                        </Button>,
                        <Popconfirm
                          key="del"
                          title="删除这份草稿？"
                          okText="删除"
                          cancelText="取消"
                          okButtonProps={{ danger: true }}
                          onConfirm={() => void remove(d.id)}
                        >
                          <Button type="link" danger>
                            删除
                          </Button>
                        </Popconfirm>,
                      ]}
                    >
                      <List.Item.Meta
                        title={d.title || '（无标题）'}
                        description={`保存于 ${d.updatedAt.slice(0, 19).replace('T', ' ')}`}
                      />
                    </List.Item>
                  )}
                />
              ),
          },
          {
            key: 'register',
            label: '发文登记',
            children: (
              <>
                <Space className="register-tools">
                  <Input.Search
                    aria-label="搜索发文登记"
                    allowClear
                    placeholder="按标题或文号查找"
                    onChange={(e) => setQuery(e.target.value)}
                  />
                  <Button
                    icon={<DownloadOutlined />}
                    disabled={register.length === 0}
                    onClick={async () => {
                      const e = await notices.getState().exportRegister();
                      if (e) reportError('导出发文登记', e);
                    }}
                  >
                    导出 Excel
                  </Button>
                </Space>
                <Table<NoticeEntry>
                  data-testid="notice-register"
                  rowKey="id"
                  size="small"
                  dataSource={shown}
                  locale={{ emptyText: '还没有发出的通知' }}
                  columns={[
                    { title: '文号', dataIndex: 'docNo', render: (v: string | null) => v ?? '—', width: 160 },
                    {
                      title: '标题',
                      dataIndex: 'title',
                      ellipsis: true,
                      render: (v: string) => v || '（无标题）',
                    },
                    { title: '人数', dataIndex: 'headCount', width: 80 },
                    {
                      title: '状态',
                      dataIndex: 'status',
                      width: 100,
                      render: (s: NoticeEntry['status']) => (
                        <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag>
                      ),
                    },
                    {
                      title: '时间',
                      dataIndex: 'createdAt',
                      width: 170,
                      render: (v: string) => v.slice(0, 19).replace('T', ' '),
                    },
                    {
                      title: '操作',
                      key: 'actions',
                      width: 170,
                      render: (_: unknown, n: NoticeEntry) => (
                        <RecallButtons notice={n} onReopen={() => setTab('compose')} />
                      ),
                    },
                  ]}
                />
              </>
            ),
          },
        ]}
      />
    </PageLayout>
  );
}
