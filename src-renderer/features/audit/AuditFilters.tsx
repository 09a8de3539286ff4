import { ClearOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { AuditFilter } from '../../../src-main/contract';
import { useAuditStore, useOrgStore, useServices } from '../../app/services-context';
import { deptPath } from '../org/edit-ops';
import { AUDIT_KINDS } from './audit-text';

/**
 * 操作记录 filters: a date range (the clerk's local days), the kind of operation, a department and a
 * person (操作人, or the member concerned by name or account). Each change reloads from the newest.
 */
export function AuditFilters() {
  const { audit, org } = useServices();
  const filter = useAuditStore((s) => s.filter);
  const tree = useOrgStore((s) => s.tree);
  const [person, setPerson] = useState(filter.person ?? '');

  useEffect(() => {
    // The department list comes from the 通讯录; load it if the clerk came here first.
    if (!org.getState().tree) void org.getState().load();
  }, [org]);

  const deptOptions = useMemo(
    () =>
      tree
        ? [...tree.byId.values()]
            .map((d) => ({ value: d.id, label: deptPath(tree, d.id) }))
            .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'))
        : [],
    [tree],
  );

  const apply = (patch: Partial<AuditFilter>) => {
    const next: AuditFilter = { ...filter, ...patch };
    for (const k of Object.keys(patch) as Array<keyof AuditFilter>)
      if (patch[k] === undefined) delete next[k];
    void audit.getState().setFilter(next);
  };

  const range: [Dayjs, Dayjs] | null =
    filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to).subtract(1, 'day')] : null;
  const active = Object.keys(filter).length > 0;

  return (
    <Space wrap className="audit-filters" data-testid="audit-filters">
      <DatePicker.RangePicker
        aria-label="日期范围"
        value={range}
        allowEmpty={[false, false]}
        onChange={(v) => {
          const [a, b] = v ?? [];
          apply(
            a && b
              ? { from: a.startOf('day').toISOString(), to: b.add(1, 'day').startOf('day').toISOString() }
              : { from: undefined, to: undefined },
          );
        }}
      />
      <Select
        aria-label="操作类型"
        placeholder="全部类型"
        allowClear
        style={{ width: 120 }}
        value={filter.kind}
        options={AUDIT_KINDS.map((k) => ({ value: k.value, label: k.label }))}
        onChange={(v?: AuditFilter['kind']) => apply({ kind: v })}
      />
      <Select
        aria-label="部门"
        placeholder="全部部门"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 240 }}
        value={filter.departmentId}
        options={deptOptions}
        notFoundContent={tree ? '没有这个部门' : '同步通讯录后可按部门筛选'}
        onChange={(v?: number) => apply({ departmentId: v })}
      />
      <Input.Search
        aria-label="操作人或成员"
        placeholder="操作人或成员（姓名/账号）"
        allowClear
        style={{ width: 220 }}
        value={person}
        onChange={(e) => setPerson(e.target.value)}
        onSearch={(v) => apply({ person: v.trim() || undefined })}
      />
      <Button
        icon={<ClearOutlined />}
        disabled={!active}
        onClick={() => {
          setPerson('');
          void audit.getState().setFilter({});
        }}
      >
        清除筛选
      </Button>
    </Space>
  );
}
