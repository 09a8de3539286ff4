import { PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Alert,
  Button,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { TagName, type Tag as TagT } from '../../../src-main/contract';
import { useOrgStore, useServices, useTagsStore } from '../../app/services-context';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { deptTreeData } from '../org/DeptPicker';
import { allocateNegativeId, deptPath } from '../org/edit-ops';
import { checkWith } from '../org/member-editor/member-form';
import { searchMembers } from '../org/member-search';
import { PendingMark } from '../org/MemberPanel';
import { useStage } from '../org/use-stage';
import '../activation/activation.css';

type NameDialog = { mode: 'create' } | { mode: 'rename'; tag: TagT } | null;

export function TagsPage() {
  const { tags: store } = useServices();
  const stage = useStage();
  const status = useTagsStore((s) => s.status);
  const loadError = useTagsStore((s) => s.loadError);
  const tags = useTagsStore((s) => s.tags);
  const selectedTagId = useTagsStore((s) => s.selectedTagId);
  const [nameDialog, setNameDialog] = useState<NameDialog>(null);

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  const selected = tags.find((t) => t.tagid === selectedTagId) ?? null;

  return (
    <div className="tags-page" data-testid="tags-page">
      <div className="page-head">
        <Typography.Title level={2} className="page-title">
          标签
        </Typography.Title>
        <Button icon={<PlusOutlined />} onClick={() => setNameDialog({ mode: 'create' })}>
          新建标签
        </Button>
      </div>
      <Typography.Paragraph type="secondary">
        标签名最多 32
        个字。标签可以包含成员和部门，用于发消息和设置可见范围。成员很多时，推送会自动分批提交（企业微信单次最多
        1000 人）。
      </Typography.Paragraph>
      {loadError ? (
        <Alert type="error" showIcon title={`读取标签失败：${describeError(loadError).title}`} />
      ) : null}
      <div className="tags-split">
        <List
          className="tags-list"
          bordered
          size="small"
          loading={status === 'loading'}
          dataSource={tags}
          locale={{ emptyText: <Empty description="暂无标签" /> }}
          renderItem={(t) => (
            <List.Item
              data-testid={`tag-${t.tagid}`}
              className={`${t.tagid === selectedTagId ? 'is-row-selected' : ''} ${t.pending === 'deleted' ? 'is-deleted-text' : ''}`}
              onClick={() => void store.getState().select(t.tagid)}
              style={{ cursor: 'pointer' }}
            >
              <span>
                {t.tagname} <PendingMark pending={t.pending} />
              </span>
              <Typography.Text type="secondary">
                {t.memberCount} 人{t.departmentCount > 0 ? ` · ${t.departmentCount} 个部门` : ''}
              </Typography.Text>
            </List.Item>
          )}
        />
        {selected ? (
          <TagDetail tag={selected} onRename={() => setNameDialog({ mode: 'rename', tag: selected })} />
        ) : null}
      </div>
      <Modal
        open={nameDialog !== null}
        title={nameDialog?.mode === 'rename' ? '重命名标签' : '新建标签'}
        destroyOnHidden
        footer={null}
        onCancel={() => setNameDialog(null)}
      >
        <Form
          layout="vertical"
          initialValues={{ name: nameDialog?.mode === 'rename' ? nameDialog.tag.tagname : '' }}
          onFinish={async ({ name }: { name: string }) => {
            const n = name.trim();
            let res;
            if (nameDialog?.mode === 'rename') {
              res = await stage(`把标签「${nameDialog.tag.tagname}」改名为「${n}」`, [
                { type: 'tag.update', tagid: nameDialog.tag.tagid, tagname: n },
              ]);
            } else {
              const tagid = allocateNegativeId(tags.map((t) => t.tagid).filter((x) => x < 0));
              res = await stage(`新建标签「${n}」`, [{ type: 'tag.create', tagid, tagname: n }]);
              if (res?.ok) void store.getState().select(tagid);
            }
            if (res?.ok) setNameDialog(null);
          }}
        >
          <Form.Item
            name="name"
            label="标签名"
            validateTrigger={['onChange', 'onBlur']}
            rules={[
              {
                validator: (_, v: string | undefined) => {
                  const msg = checkWith(TagName, v ?? '');
                  if (msg) return Promise.reject(new Error(msg));
                  const dup = tags.find(
                    (t) =>
                      t.tagname === (v ?? '').trim() &&
                      !(nameDialog?.mode === 'rename' && nameDialog.tag.tagid === t.tagid),
                  );
                  return dup ? Promise.reject(new Error('已有同名标签')) : Promise.resolve();
                },
              },
            ]}
          >
            <Input autoFocus aria-label="标签名" />
          </Form.Item>
          <Space>
            <Button onClick={() => setNameDialog(null)}>取消</Button>
            <Button type="primary" htmlType="submit">
              {nameDialog?.mode === 'rename' ? '保存' : '新建'}
            </Button>
          </Space>
        </Form>
      </Modal>
    </div>
  );
}

function TagDetail({ tag, onRename }: { tag: TagT; onRename: () => void }) {
  const stage = useStage();
  const { message } = AntApp.useApp();
  const tree = useOrgStore((s) => s.tree);
  const index = useOrgStore((s) => s.index);
  const detail = useTagsStore((s) => s.detail);
  const detailStatus = useTagsStore((s) => s.detailStatus);
  const detailError = useTagsStore((s) => s.detailError);
  const [query, setQuery] = useState('');
  const [addUsers, setAddUsers] = useState<string[]>([]);
  const [addDepts, setAddDepts] = useState<number[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const deleted = tag.pending === 'deleted';

  useEffect(() => {
    setPicked([]);
    setAddUsers([]);
    setAddDepts([]);
  }, [tag.tagid]);

  const memberOptions = useMemo(() => {
    if (!index || query.trim() === '') return [];
    const present = new Set(detail?.members.map((m) => m.userid));
    return searchMembers(index, query, 50)
      .hits.filter((h) => !present.has(h.userid))
      .map((h) => ({ value: h.userid, label: `${h.name}（${h.position || h.userid}）` }));
  }, [index, query, detail]);
  const nameOf = useMemo(() => new Map(index?.rows.map((r) => [r.userid, r.name]) ?? []), [index]);
  const deptData = useMemo(() => deptTreeData(tree), [tree]);

  // Departments in the table share the selection with members under a "dept:" key.
  const rows = [
    ...(detail?.departmentIds ?? []).map((id) => ({
      key: `dept:${id}`,
      kind: '部门',
      name: deptPath(tree, id),
    })),
    ...(detail?.members ?? []).map((m) => ({
      key: `user:${m.userid}`,
      kind: '成员',
      name: `${m.name}（${m.userid}）`,
    })),
  ];

  const add = async () => {
    if (addUsers.length === 0 && addDepts.length === 0) return;
    const res = await stage(
      `给标签「${tag.tagname}」添加 ${addUsers.length > 0 ? `${addUsers.length} 人` : ''}${addDepts.length > 0 ? ` ${addDepts.length} 个部门` : ''}`.trim(),
      [{ type: 'tag.addMembers', tagid: tag.tagid, userids: addUsers, departmentIds: addDepts }],
    );
    if (res?.ok) {
      setAddUsers([]);
      setAddDepts([]);
    }
  };

  const removePicked = async () => {
    const userids = picked.filter((k) => k.startsWith('user:')).map((k) => k.slice(5));
    const departmentIds = picked.filter((k) => k.startsWith('dept:')).map((k) => Number(k.slice(5)));
    if (userids.length + departmentIds.length === 0) {
      void message.info('请先勾选要移除的成员或部门');
      return;
    }
    const res = await stage(`从标签「${tag.tagname}」移除 ${userids.length + departmentIds.length} 项`, [
      { type: 'tag.removeMembers', tagid: tag.tagid, userids, departmentIds },
    ]);
    if (res?.ok) setPicked([]);
  };

  return (
    <section className="tag-detail" aria-label="标签成员">
      <Space wrap className="tag-detail-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {tag.tagname} <PendingMark pending={tag.pending} />
        </Typography.Title>
        <Button size="small" disabled={deleted} onClick={onRename}>
          重命名
        </Button>
        <Popconfirm
          title={`删除标签「${tag.tagname}」？`}
          description="标签中的成员不受影响；推送前可以撤销。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={() => stage(`删除标签「${tag.tagname}」`, [{ type: 'tag.delete', tagid: tag.tagid }])}
        >
          <Button size="small" danger disabled={deleted}>
            删除
          </Button>
        </Popconfirm>
      </Space>
      {!deleted ? (
        <Space wrap className="tag-add">
          <Select
            mode="multiple"
            aria-label="添加成员"
            style={{ minWidth: 260 }}
            placeholder="搜索姓名或拼音添加成员"
            value={addUsers}
            onChange={setAddUsers}
            showSearch={{ filterOption: false, onSearch: setQuery }}
            options={[
              ...addUsers.map((u) => ({ value: u, label: nameOf.get(u) ?? u })),
              ...memberOptions.filter((o) => !addUsers.includes(o.value)),
            ]}
            notFoundContent={query ? '没有匹配的成员' : '输入姓名或拼音搜索'}
          />
          <TreeSelect<number[]>
            multiple
            aria-label="添加部门"
            style={{ minWidth: 220 }}
            placeholder="添加部门"
            treeData={deptData}
            value={addDepts}
            onChange={(v) => setAddDepts(v ?? [])}
            showSearch={{ treeNodeFilterProp: 'title' }}
          />
          <Button
            type="primary"
            disabled={addUsers.length + addDepts.length === 0}
            onClick={() => void add()}
          >
            添加
          </Button>
          <Button danger disabled={picked.length === 0} onClick={() => void removePicked()}>
            移除所选（{picked.length}）
          </Button>
        </Space>
      ) : null}
      {detailError ? (
        <Alert type="error" showIcon title={`读取标签成员失败：${describeError(detailError).title}`} />
      ) : null}
      <Table
        size="small"
        rowKey="key"
        loading={detailStatus === 'loading'}
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        rowSelection={
          deleted ? undefined : { selectedRowKeys: picked, onChange: (k) => setPicked(k.map(String)) }
        }
        locale={{ emptyText: <Empty description="这个标签还没有成员" /> }}
        columns={[
          { key: 'kind', dataIndex: 'kind', title: '类型', width: 70, render: (k: string) => <Tag>{k}</Tag> },
          { key: 'name', dataIndex: 'name', title: '名称' },
        ]}
      />
    </section>
  );
}
