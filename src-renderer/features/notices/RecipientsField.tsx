import { Checkbox, Select, Space, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import type { Recipients } from '../../../src-main/contract';
import { useOrgStore } from '../../app/services-context';
import { deptSearch, deptTreeData } from '../org/DeptPicker';
import { searchMembers } from '../org/member-search';
import { memberOptionLabel } from '../org/member-option';

/** 全员, departments (positional groups included) and people, mixed; people found with the shared ranking. */
export function RecipientsField(props: { value: Recipients; onChange: (v: Recipients) => void }) {
  const { value, onChange } = props;
  const tree = useOrgStore((s) => s.tree);
  const index = useOrgStore((s) => s.index);
  const [query, setQuery] = useState('');
  const deptData = useMemo(() => deptTreeData(tree), [tree]);
  const nameOf = useMemo(() => new Map(index?.rows.map((r) => [r.userid, r.name]) ?? []), [index]);
  const options = useMemo(() => {
    const picked = value.userids.map((u) => ({ value: u, label: nameOf.get(u) ?? u }));
    if (!index || query.trim() === '') return picked;
    const hits = searchMembers(index, query, 50).hits.map((h) => ({
      value: h.userid,
      label: memberOptionLabel(h, tree),
    }));
    const seen = new Set(hits.map((h) => h.value));
    return [...hits, ...picked.filter((p) => !seen.has(p.value))];
  }, [index, query, tree, value.userids, nameOf]);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Checkbox checked={value.all} onChange={(e) => onChange({ ...value, all: e.target.checked })}>
        全员（应用可见范围内的所有人）
      </Checkbox>
      {value.all ? null : (
        <>
          <TreeSelect<number[]>
            multiple
            aria-label="接收部门"
            style={{ width: '100%' }}
            placeholder="选择部门（含下级部门）"
            treeData={deptData}
            value={value.departmentIds}
            onChange={(v) => onChange({ ...value, departmentIds: v ?? [] })}
            showSearch={deptSearch}
            popupMatchSelectWidth={false}
          />
          <Select
            mode="multiple"
            aria-label="接收人"
            style={{ width: '100%' }}
            placeholder="搜索姓名、拼音、手机或账号"
            value={value.userids}
            onChange={(v: string[]) => onChange({ ...value, userids: v })}
            showSearch={{ filterOption: false, onSearch: setQuery }}
            options={options}
          />
        </>
      )}
    </Space>
  );
}
