import {
  App as AntApp,
  Alert,
  Button,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { useEffect, useMemo } from 'react';
import { useOrgStore, useRulesStore, useServices } from '../../app/services-context';
import { failureTitle, useReportError } from '../../components/use-report-error';
import { normalizePositions, type RuleDraft } from './rule-presets';
import { RulePreviewView } from './RulePreviewView';
import { draftKey } from './rules-store';

/** 新建规则 / 编辑规则, with a preview of what applying it would change. */
export function RuleEditor({ draft, onClose }: { draft: RuleDraft | null; onClose: () => void }) {
  const { rules: store } = useServices();
  const { message } = AntApp.useApp();
  const reportError = useReportError();
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
                reportError('保存', res.error);
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
      {previewError ? <Alert type="error" showIcon title={failureTitle('预览', previewError)} /> : null}
      {preview && fresh ? (
        <RulePreviewView preview={preview} />
      ) : preview ? (
        <Typography.Text type="secondary">内容已修改，请重新预览。</Typography.Text>
      ) : null}
    </Modal>
  );
}
