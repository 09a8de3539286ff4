import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { DeptName } from '../../../src-main/contract';
import { checkWith } from './member-editor/member-form';

export type NameDialog = { mode: 'create'; parentId: number } | { mode: 'rename'; id: number } | null;

/** 新建子部门 / 重命名部门: one name field, checked with the contract's DeptName rules as typed. */
export function DeptNameDialog(props: {
  dialog: NameDialog;
  currentName: string;
  parentPath: string;
  onCancel: () => void;
  onSubmit: (name: string) => Promise<boolean>;
}) {
  const [form] = Form.useForm<{ name: string }>();
  const [saving, setSaving] = useState(false);
  const creating = props.dialog?.mode === 'create';
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values || saving) return;
    setSaving(true);
    const ok = await props.onSubmit(values.name.trim());
    setSaving(false);
    if (ok) props.onCancel();
  };
  return (
    <Modal
      open={props.dialog !== null}
      title={creating ? '新建子部门' : '重命名部门'}
      okText={creating ? '新建' : '保存'}
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      onCancel={props.onCancel}
      onOk={() => void submit()}
    >
      {creating ? (
        <Typography.Paragraph type="secondary">上级部门：{props.parentPath}</Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ name: creating ? '' : props.currentName }}>
        <Form.Item
          name="name"
          label="部门名称"
          validateTrigger={['onChange', 'onBlur']}
          rules={[
            {
              validator: (_, v: string | undefined) => {
                const msg = checkWith(DeptName, v ?? '');
                return msg ? Promise.reject(new Error(msg)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input autoFocus aria-label="部门名称" onPressEnter={() => void submit()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
