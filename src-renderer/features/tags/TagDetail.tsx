import {
  App as AntApp,
  Alert,
  Button,
  Empty,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Tag as TagT } from '../../../src-main/contract';
import { useOrgStore, useTagsStore } from '../../app/services-context';
import { failureTitle } from '../../components/use-report-error';
import { deptSearch, deptTreeData } from '../org/DeptPicker';
import { deptPath } from '../org/edit-ops';
import { searchMembers } from '../org/member-search';
import { memberOptionLabel } from '../org/member-option';
import { PendingMark } from '../org/MemberPanel';
import { useStage } from '../org/use-stage';
import '../activation/activation.css';

/** One tag: its members and departments, adding and removing them, rename and delete. */
export function TagDetail({ tag, onRename }: { tag: TagT; onRename: () => void }) {
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
      .map((h) => ({ value: h.userid, label: memberOptionLabel(h, tree) }));
  }, [index, query, detail, tree]);
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
            placeholder="搜索姓名、拼音、手机或账号添加成员"
            value={addUsers}
            onChange={setAddUsers}
            showSearch={{ filterOption: false, onSearch: setQuery }}
            options={[
              ...addUsers.map((u) => ({ value: u, label: nameOf.get(u) ?? u })),
              ...memberOptions.filter((o) => !addUsers.includes(o.value)),
            ]}
            notFoundContent={query ? '没有匹配的成员' : '输入姓名、拼音、首字母、手机号或账号搜索'}
          />
          <TreeSelect<number[]>
            multiple
            aria-label="添加部门"
            style={{ minWidth: 220 }}
            placeholder="添加部门"
            treeData={deptData}
            value={addDepts}
            onChange={(v) => setAddDepts(v ?? [])}
            showSearch={deptSearch}
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
      {detailError ? <Alert type="error" showIcon title={failureTitle('读取标签成员', detailError)} /> : null}
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
