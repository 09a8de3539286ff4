import {
  App as AntApp,
  Alert,
  Button,
  Drawer,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Spin,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Member } from '../../../../src-main/contract';
import { useOrgStore, useServices } from '../../../app/services-context';
import { describeError } from '../../../i18n/error-messages.zh-CN';
import { deptPath } from '../edit-ops';
import { searchMembers } from '../member-search';
import { memberOptionLabel } from '../member-option';
import { StatusTag } from '../StatusTag';
import { DeptLinksField } from './DeptLinksField';
import { suggestUseridFor, useridStyleOf } from './userid-suggestion';
import { useStage } from '../use-stage';
import {
  checkWith,
  fieldSchemas,
  formToOps,
  isStagedNew,
  memberToForm,
  mobileFormatError,
  mobileTakenError,
  validateForm,
  type MemberFormValues,
} from './member-form';

type Dup = { userid: string; name: string; departments: string };

/** null = closed; userid null = 新建成员. */
export type EditorTarget = { userid: string | null } | null;

const rule = (key: keyof typeof fieldSchemas) => ({
  validator: (_: unknown, v: unknown) => {
    const msg =
      key === 'mobile'
        ? mobileFormatError(v ?? '')
        : checkWith(fieldSchemas[key], v ?? (key === 'directLeader' ? [] : ''));
    return msg ? Promise.reject(new Error(msg)) : Promise.resolve();
  },
});

/** Mounted only while open: a closed editor must not re-render with every reload of the org data. */
export function MemberEditor({ target, onClose }: { target: EditorTarget; onClose: () => void }) {
  return target ? <OpenMemberEditor target={target} onClose={onClose} /> : null;
}

function OpenMemberEditor({ target, onClose }: { target: EditorTarget; onClose: () => void }) {
  const { api } = useServices();
  const tree = useOrgStore((s) => s.tree);
  const index = useOrgStore((s) => s.index);
  const selectedDeptId = useOrgStore((s) => s.selectedDeptId);
  const stage = useStage();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<MemberFormValues>();
  const [original, setOriginal] = useState<Member | null>(null);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [dupNames, setDupNames] = useState<Dup[]>([]);
  const [dupMobile, setDupMobile] = useState<Dup[]>([]);
  const [leaderQuery, setLeaderQuery] = useState('');
  const creating = target !== null && target.userid === null;
  const open = target !== null;
  const stagedNew = isStagedNew(original);
  /** 账号 can be typed until WeCom has the member: a new one, or one only staged so far. */
  const useridEditable = creating || stagedNew;
  /** The clerk typed a 账号 of their own: stop suggesting one from the name. */
  const useridTyped = useRef(false);

  // Load the full record when opening for an existing member.
  useEffect(() => {
    if (!target) return;
    setDupNames([]);
    setDupMobile([]);
    setLoadError(null);
    if (target.userid === null) {
      setOriginal(null);
      form.setFieldsValue(memberToForm(null, selectedDeptId));
      return;
    }
    let live = true;
    setLoading(true);
    void api.call('org.getMember', { userid: target.userid }).then((res) => {
      if (!live) return;
      setLoading(false);
      if (!res.ok) return setLoadError(describeError(res.error).title);
      if (!res.value.member) return setLoadError('找不到这名成员，可能已被删除');
      setOriginal(res.value.member);
      form.setFieldsValue(memberToForm(res.value.member, null));
    });
    return () => {
      live = false;
    };
    // selectedDeptId only seeds a new member; do not reload when it changes while open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, api, form]);

  // Duplicates as you type (debounced): a same mobile is an error, a same name only a warning.
  const name = Form.useWatch('name', form);
  const mobile = Form.useWatch('mobile', form);
  const dupSeq = useRef(0);
  useEffect(() => {
    if (!open) return;
    const n = (name ?? '').trim();
    const m = (mobile ?? '').trim();
    if (n === '' && m === '') {
      setDupNames([]);
      setDupMobile([]);
      return;
    }
    const seq = ++dupSeq.current;
    const timer = setTimeout(() => {
      const input: { name?: string; mobile?: string; excludeUserid?: string } = {};
      if (n) input.name = n;
      if (m) input.mobile = m;
      if (original) input.excludeUserid = original.userid;
      void api.call('org.findDuplicates', input).then((res) => {
        if (seq !== dupSeq.current || !res.ok) return;
        setDupNames(res.value.byName);
        setDupMobile(res.value.byMobile);
      });
    }, 350);
    return () => clearTimeout(timer);
  }, [name, mobile, open, original, api]);

  // 账号 suggested from the name in the corp's own pattern (ZhangNingAn, ZhangNingAn2 …).
  const useridStyle = useMemo(() => (index ? useridStyleOf(index.rows) : null), [index]);
  useEffect(() => {
    if (!creating || !useridStyle || !index || useridTyped.current) return;
    const n = (name ?? '').trim();
    let live = true;
    void (n === '' ? Promise.resolve('') : suggestUseridFor(n, useridStyle, index.rows)).then((id) => {
      if (!live || useridTyped.current) return;
      form.setFieldValue('userid', id);
      if (id !== '') void form.validateFields(['userid']).catch(() => undefined);
    });
    return () => {
      live = false;
    };
  }, [name, creating, useridStyle, index, form]);

  // The same words main uses when it refuses a taken mobile.
  const mobileDupText = mobileTakenError(mobile ?? '', dupMobile);

  const departments = Form.useWatch('departments', form) ?? [];
  const mainOptions = departments
    .filter((d) => d && d.departmentId !== null && d.departmentId !== undefined)
    .map((d) => ({ value: d.departmentId as number, label: deptPath(tree, d.departmentId as number) }));

  const directLeaderWatch = Form.useWatch('directLeader', form) as string[] | undefined;
  const leaderOptions = useMemo(() => {
    const byId = new Map(index?.rows.map((r) => [r.userid, r]) ?? []);
    const chosen = (directLeaderWatch ?? []).map((u) => ({
      value: u,
      label: byId.get(u) ? `${byId.get(u)!.name}（${u}）` : u,
    }));
    if (!index || leaderQuery.trim() === '') return chosen;
    const hits = searchMembers(index, leaderQuery, 30).hits.filter((h) => h.userid !== original?.userid);
    const seen = new Set(chosen.map((c) => c.value));
    return [
      ...chosen,
      ...hits
        .filter((h) => !seen.has(h.userid))
        .map((h) => ({ value: h.userid, label: memberOptionLabel(h, tree) })),
    ];
  }, [index, leaderQuery, directLeaderWatch, original, tree]);

  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const all = { ...form.getFieldsValue(true) } as MemberFormValues;
    const errors = validateForm(all, creating, { original });
    if (mobileDupText) errors.mobile = mobileDupText;
    const entries = Object.entries(errors);
    if (entries.length > 0) {
      form.setFields(
        entries.map(([field, msg]) => ({ name: field as keyof MemberFormValues, errors: [msg] })),
      );
      return;
    }
    const ops = formToOps(all, original);
    if (ops.length === 0) {
      void message.info('没有修改');
      onClose();
      return;
    }
    setSaving(true);
    const renamed = original !== null && ops.some((o) => o.type === 'member.create');
    const label = creating
      ? `新建成员「${all.name.trim()}」`
      : renamed
        ? `修改新成员「${all.name.trim()}」的账号：${original.userid} → ${all.userid.trim()}`
        : `修改成员「${all.name.trim()}」`;
    const res = await stage(label, ops);
    setSaving(false);
    if (res?.ok) onClose();
    else if (res && !res.ok) {
      // Put main's reasons next to the fields they are about (path …fields.mobile → mobile).
      const fieldErrors = res.issues
        .map((i) => ({ field: i.path.split('.').find((p) => p in all), message: i.message }))
        .filter((x): x is { field: string; message: string } => x.field !== undefined);
      if (fieldErrors.length > 0)
        form.setFields(
          fieldErrors.map((f) => ({ name: f.field as keyof MemberFormValues, errors: [f.message] })),
        );
    }
  };

  return (
    <Drawer
      open={open}
      title={creating ? '新建成员' : '编辑成员'}
      size={560}
      onClose={onClose}
      destroyOnHidden
      forceRender
      data-testid="member-editor"
      extra={
        <Space>
          {stagedNew ? (
            <Tag color="green" title="保存在本机，推送到企业微信后才会创建">
              待推送的新成员
            </Tag>
          ) : original ? (
            <StatusTag status={original.status} />
          ) : null}
          <Button onClick={onClose}>取消</Button>
          <Button
            type="primary"
            loading={saving}
            disabled={loading || loadError !== null}
            onClick={() => void save()}
          >
            保存
          </Button>
        </Space>
      }
    >
      {loadError ? <Alert type="error" showIcon title={loadError} /> : null}
      <Spin spinning={loading}>
        {/* antd's red * on what WeCom requires, nothing on the rest (the convention of every other form). */}
        <Form form={form} layout="vertical" disabled={loadError !== null}>
          <Form.Item
            name="userid"
            label="账号"
            tooltip="成员在企业微信中的唯一账号（不区分大小写），推送到企业微信创建后不能修改"
            required={useridEditable}
            rules={useridEditable ? [rule('userid')] : []}
            validateTrigger={['onChange', 'onBlur']}
            extra={
              creating && useridStyle
                ? '已按本院账号规则根据姓名生成（重名时加数字），可以修改'
                : stagedNew
                  ? '尚未推送，账号还可以修改'
                  : undefined
            }
          >
            <Input
              aria-label="账号"
              disabled={!useridEditable}
              placeholder="例如 ZhangSan 或工号"
              onChange={(e) => {
                // Clearing the field hands it back to the suggestion.
                useridTyped.current = e.target.value.trim() !== '';
              }}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label="姓名"
            required
            rules={[rule('name')]}
            validateTrigger={['onChange', 'onBlur']}
            extra={
              dupNames.length > 0 ? (
                <Typography.Text type="warning" data-testid="dup-name">
                  同名成员：{dupNames.map((d) => `${d.name}（${d.departments}）`).join('、')}
                </Typography.Text>
              ) : undefined
            }
          >
            <Input aria-label="姓名" />
          </Form.Item>
          <Form.Item name="alias" label="别名" rules={[rule('alias')]}>
            <Input aria-label="别名" />
          </Form.Item>
          <Form.Item
            name="mobile"
            label="手机"
            tooltip="中国大陆手机号填 11 位；境外号码写成「+国家码 号码」，如 +852 91234567。手机和邮箱至少填一项"
            rules={[rule('mobile')]}
            validateTrigger={['onChange', 'onBlur']}
            validateStatus={mobileDupText ? 'error' : undefined}
            help={mobileDupText ?? undefined}
          >
            <Input aria-label="手机" />
          </Form.Item>
          <Form.Item
            name="email"
            label="邮箱"
            rules={[rule('email')]}
            validateTrigger={['onChange', 'onBlur']}
          >
            <Input aria-label="邮箱" />
          </Form.Item>
          <Form.Item name="telephone" label="座机" rules={[rule('telephone')]}>
            <Input aria-label="座机" />
          </Form.Item>
          <Form.Item name="position" label="职务" rules={[rule('position')]}>
            <Input aria-label="职务" placeholder="例如 主任、护士长" />
          </Form.Item>
          <Form.Item name="gender" label="性别">
            <Radio.Group aria-label="性别">
              <Radio value="0">未知</Radio>
              <Radio value="1">男</Radio>
              <Radio value="2">女</Radio>
            </Radio.Group>
          </Form.Item>
          <DeptLinksField tree={tree} />
          <Form.Item name="mainDepartment" label="主部门" tooltip="成员资料中显示的部门">
            <Select aria-label="主部门" options={mainOptions} placeholder="从上面的部门中选择" />
          </Form.Item>
          <Form.Item name="directLeader" label="直属上级" rules={[rule('directLeader')]} extra="最多 5 人">
            <Select
              aria-label="直属上级"
              mode="multiple"
              showSearch={{ filterOption: false, onSearch: setLeaderQuery }}
              options={leaderOptions}
              maxCount={5}
              placeholder="输入姓名或拼音搜索"
              notFoundContent={leaderQuery ? '没有匹配的成员' : '输入姓名或拼音搜索'}
            />
          </Form.Item>
          <Form.Item
            name="enable"
            label="启用"
            valuePropName="checked"
            extra="停用后成员无法登录企业微信，资料保留"
          >
            <Switch aria-label="启用" />
          </Form.Item>
        </Form>
      </Spin>
    </Drawer>
  );
}
