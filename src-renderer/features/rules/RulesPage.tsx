import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Rule } from '../../../src-main/contract';
import { useOrgStore, useRulesStore, useServices } from '../../app/services-context';
import { PageLayout } from '../../components/PageLayout';
import { useReportError } from '../../components/use-report-error';
import { PresetButtons } from './PresetButtons';
import { emptyRule, missingPresets, presetRule, RULE_PRESETS, type RuleDraft } from './rule-presets';
import { RuleEditor } from './RuleEditor';
import '../activation/activation.css';

const kindText: Record<Rule['kind'], string> = { positional: '职务分组', tag: '标签' };

export function RulesPage() {
  const { rules: store } = useServices();
  const { message, modal } = AntApp.useApp();
  const reportError = useReportError();
  const status = useRulesStore((s) => s.status);
  const loadError = useRulesStore((s) => s.loadError);
  const rules = useRulesStore((s) => s.rules);
  const applying = useRulesStore((s) => s.applying);
  const tree = useOrgStore((s) => s.tree);
  const [draft, setDraft] = useState<RuleDraft | null>(null);

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  const topGroupName = (id: number) => tree?.byId.get(id)?.name ?? `部门 ${id}`;

  const apply = async (id?: number) => {
    const res = await store.getState().apply(id);
    if (!res.ok) {
      reportError('应用规则', res.error);
      return;
    }
    if (!res.change) void message.info('分组已经与规则一致，没有需要修改的内容');
    else
      modal.success({
        title: '已生成修改',
        content: `「${res.change.label}」共 ${res.change.ops.length} 项操作，已放入「待推送的修改」。检查无误后点「推送到企业微信」。`,
      });
  };

  const presets = missingPresets(rules);

  // The editor is a dialog: it opens from the empty state's presets too, so it sits outside the layout.
  return (
    <>
      <RuleEditor draft={draft} onClose={() => setDraft(null)} />
      <PageLayout
        title="分组规则"
        testId="rules-page"
        extra={
          <>
            <Button icon={<PlusOutlined />} onClick={() => setDraft(emptyRule())}>
              新建规则
            </Button>
            <Button
              type="primary"
              loading={applying}
              disabled={!rules.some((r) => r.enabled)}
              onClick={() => void apply()}
            >
              应用全部规则
            </Button>
          </>
        }
        description="按职务自动维护分组：例如职务为「主任、副主任」的成员，自动归入各大科室下的「正副主任」部门（或一个标签），方便中层互相查找。应用规则只会生成待推送的修改，推送前可以检查和撤销。"
        error={
          loadError
            ? { what: '读取规则', error: loadError, onRetry: () => void store.getState().load() }
            : null
        }
        loading={status === 'loading' && rules.length === 0}
        empty={
          status === 'ready' && rules.length === 0
            ? {
                description: '还没有分组规则',
                children: (
                  <>
                    <Typography.Paragraph>一键添加常用规则：</Typography.Paragraph>
                    <PresetButtons
                      keys={RULE_PRESETS.map((p) => p.key)}
                      onPick={(k) => setDraft(presetRule(k))}
                    />
                  </>
                ),
              }
            : null
        }
      >
        {rules.length > 0 ? (
          <>
            <Table<Rule>
              size="small"
              rowKey="id"
              dataSource={rules}
              pagination={false}
              columns={[
                { key: 'name', dataIndex: 'name', title: '名称' },
                {
                  key: 'kind',
                  dataIndex: 'kind',
                  title: '类型',
                  width: 100,
                  render: (k: Rule['kind']) => kindText[k],
                },
                {
                  key: 'positions',
                  dataIndex: 'positions',
                  title: '职务',
                  render: (ps: string[]) => ps.map((p) => <Tag key={p}>{p}</Tag>),
                },
                {
                  key: 'top',
                  dataIndex: 'topGroupIds',
                  title: '所在大科室',
                  render: (ids: number[], r: Rule) =>
                    r.kind === 'tag'
                      ? '—'
                      : ids.length === 0
                        ? '所有有匹配成员的大科室'
                        : ids.map(topGroupName).join('、'),
                },
                {
                  key: 'enabled',
                  dataIndex: 'enabled',
                  title: '启用',
                  width: 70,
                  render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
                },
                {
                  key: 'actions',
                  title: '操作',
                  width: 220,
                  render: (_: unknown, r: Rule) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setDraft({ ...r })}>
                        编辑
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        disabled={!r.enabled || applying}
                        onClick={() => void apply(r.id)}
                      >
                        应用规则
                      </Button>
                      <Popconfirm
                        title={`删除规则「${r.name}」？`}
                        description="只删除规则本身，已经生成的分组和修改不受影响。"
                        okText="删除"
                        okButtonProps={{ danger: true }}
                        cancelText="取消"
                        onConfirm={async () => {
                          reportError('删除', await store.getState().remove(r.id));
                        }}
                      >
                        <Button type="link" size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]}
            />
            {presets.length > 0 ? (
              <Space wrap>
                <Typography.Text type="secondary">常用规则：</Typography.Text>
                <PresetButtons keys={presets.map((p) => p.key)} onPick={(k) => setDraft(presetRule(k))} />
              </Space>
            ) : null}
          </>
        ) : null}
      </PageLayout>
    </>
  );
}
