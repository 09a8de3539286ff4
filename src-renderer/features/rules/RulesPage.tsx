import { PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Rule, RulePreview } from '../../../src-main/contract';
import { useOrgStore, useRulesStore, useServices } from '../../app/services-context';
import { describeError } from '../../i18n/error-messages.zh-CN';
import {
  emptyRule,
  missingPresets,
  normalizePositions,
  presetRule,
  RULE_PRESETS,
  type PresetKey,
  type RuleDraft,
} from './rule-presets';
import { draftKey } from './rules-store';
import '../activation/activation.css';

const kindText: Record<Rule['kind'], string> = { positional: '职务分组', tag: '标签' };

export function RulesPage() {
  const { rules: store } = useServices();
  const { message, modal } = AntApp.useApp();
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
      void message.error(`应用规则失败：${describeError(res.error).title}`);
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

  return (
    <div className="rules-page" data-testid="rules-page">
      <div className="page-head">
        <Typography.Title level={2} className="page-title">
          分组规则
        </Typography.Title>
        <Space wrap>
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
        </Space>
      </div>
      <Typography.Paragraph type="secondary">
        按职务自动维护分组：例如职务为「主任、副主任」的成员，自动归入各大科室下的「正副主任」部门（或一个标签），方便中层互相查找。应用规则只会生成待推送的修改，推送前可以检查和撤销。
      </Typography.Paragraph>
      {loadError ? (
        <Alert type="error" showIcon title={`读取规则失败：${describeError(loadError).title}`} />
      ) : null}
      {status === 'loading' ? <Spin /> : null}
      {status === 'ready' && rules.length === 0 ? (
        <Empty description="还没有分组规则">
          <Typography.Paragraph>一键添加常用规则：</Typography.Paragraph>
          <PresetButtons keys={RULE_PRESETS.map((p) => p.key)} onPick={(k) => setDraft(presetRule(k))} />
        </Empty>
      ) : null}
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
                        const err = await store.getState().remove(r.id);
                        if (err) void message.error(`删除失败：${describeError(err).title}`);
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
      <RuleEditor draft={draft} onClose={() => setDraft(null)} />
    </div>
  );
}

function PresetButtons({ keys, onPick }: { keys: readonly PresetKey[]; onPick: (k: PresetKey) => void }) {
  return (
    <Space wrap>
      {RULE_PRESETS.filter((p) => keys.includes(p.key)).map((p) => (
        <Button key={p.key} onClick={() => onPick(p.key)}>
          {p.name}（{p.positions.join('、')}）
        </Button>
      ))}
    </Space>
  );
}

function RuleEditor({ draft, onClose }: { draft: RuleDraft | null; onClose: () => void }) {
  const { rules: store } = useServices();
  const { message } = AntApp.useApp();
  const tree = useOrgStore((s) => s.tree);
  const preview = useRulesStore((s) => s.preview);
  const previewKey = useRulesStore((s) => s.previewKey);
  const previewing = useRulesStore((s) => s.previewing);
  const previewError = useRulesStore((s) => s.previewError);
  const saving = useRulesStore((s) => s.saving);
  const [form] = Form.useForm<RuleDraft>();
  const watched = Form.useWatch([], form) as RuleDraft | undefined;

  const topGroups = useMemo(() => {
    if (!tree) return [];
    return [...tree.byId.values()]
      .filter((d) => d.pinnedRank !== null)
      .sort((a, b) => (a.pinnedRank ?? 0) - (b.pinnedRank ?? 0))
      .map((d) => ({ value: d.id, label: d.name }));
  }, [tree]);

  useEffect(() => {
    if (draft) store.getState().clearPreview();
  }, [draft, store]);

  const current = (): RuleDraft | null => {
    const v = form.getFieldsValue(true) as RuleDraft;
    if (!v || !v.name?.trim()) return null;
    const out: RuleDraft = {
      kind: v.kind,
      name: v.name.trim(),
      positions: normalizePositions(v.positions ?? []),
      topGroupIds: v.kind === 'tag' ? [] : (v.topGroupIds ?? []),
      enabled: v.enabled ?? true,
    };
    if (draft?.id !== undefined) out.id = draft.id;
    return out;
  };
  const cur = watched ? current() : null;
  const fresh = cur !== null && previewKey === draftKey(cur);

  return (
    <Modal
      open={draft !== null}
      title={draft?.id !== undefined ? '编辑规则' : '新建规则'}
      width={820}
      destroyOnHidden
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button
            loading={previewing}
            onClick={async () => {
              const values = await form.validateFields().catch(() => null);
              const d = values ? current() : null;
              if (d) await store.getState().runPreview(d);
            }}
          >
            预览
          </Button>
          <Button
            type="primary"
            loading={saving}
            onClick={async () => {
              const values = await form.validateFields().catch(() => null);
              const d = values ? current() : null;
              if (!d) return;
              const res = await store.getState().save(d);
              if (!res.ok) {
                void message.error(`保存失败：${describeError(res.error).title}`);
                return;
              }
              void message.success('规则已保存。点「应用规则」生成修改。');
              onClose();
            }}
          >
            保存
          </Button>
        </Space>
      }
    >
      {draft ? (
        <Form form={form} layout="vertical" initialValues={draft}>
          <Form.Item name="kind" label="类型">
            <Radio.Group aria-label="类型">
              <Radio value="positional">职务分组（在大科室下维护一个部门）</Radio>
              <Radio value="tag">标签</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="name"
            label="名称"
            rules={[
              { required: true, whitespace: true, message: '请填写名称' },
              { max: 32, message: '名称最多 32 个字' },
            ]}
          >
            <Input aria-label="名称" placeholder="例如 正副主任" />
          </Form.Item>
          <Form.Item
            name="positions"
            label="职务"
            extra="成员的职务与其中任一项完全相同即归入该分组；输入后按回车添加。"
            rules={[
              {
                validator: (_, v: string[] | undefined) =>
                  normalizePositions(v ?? []).length > 0
                    ? Promise.resolve()
                    : Promise.reject(new Error('至少填写一个职务')),
              },
            ]}
          >
            <Select
              aria-label="职务"
              mode="tags"
              tokenSeparators={[',', '，', '、']}
              placeholder="例如 主任、副主任"
              open={false}
            />
          </Form.Item>
          {watched?.kind !== 'tag' ? (
            <Form.Item name="topGroupIds" label="大科室" extra="不选 = 所有有匹配成员的大科室">
              <Select aria-label="大科室" mode="multiple" options={topGroups} placeholder="全部" />
            </Form.Item>
          ) : null}
          <Form.Item name="enabled" label="启用" valuePropName="checked">
            <Switch aria-label="启用" />
          </Form.Item>
        </Form>
      ) : null}
      {previewError ? (
        <Alert type="error" showIcon title={`预览失败：${describeError(previewError).title}`} />
      ) : null}
      {preview && fresh ? (
        <PreviewView preview={preview} />
      ) : preview ? (
        <Typography.Text type="secondary">内容已修改，请重新预览。</Typography.Text>
      ) : null}
    </Modal>
  );
}

function PreviewView({ preview }: { preview: RulePreview }) {
  if (preview.groups.length === 0) return <Empty description="没有职务匹配的成员" />;
  return (
    <div className="rule-preview" data-testid="rule-preview">
      <Typography.Text strong>预览：应用后将产生 {preview.ops} 项操作</Typography.Text>
      {preview.groups.map((g) => (
        <Card
          key={`${g.parentId}-${g.name}`}
          size="small"
          className="rule-preview-group"
          title={`${g.parentName} / ${g.name}`}
          extra={g.exists ? <Tag>已存在</Tag> : <Tag color="green">将新建</Tag>}
        >
          <div>
            成员（{g.members.length}）：
            {g.members.map((m) => `${m.name}（${m.position}）`).join('、') || '无'}
          </div>
          {g.adds.length > 0 ? <div className="preview-adds">+ 加入：{g.adds.join('、')}</div> : null}
          {g.removes.length > 0 ? (
            <div className="preview-removes">− 移出：{g.removes.join('、')}</div>
          ) : null}
        </Card>
      ))}
    </div>
  );
}
