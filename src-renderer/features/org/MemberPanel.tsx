import { Alert, Button, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useRef } from 'react';
import type { MemberStatus } from '../../../src-main/contract';
import { useOrgStore, useServices } from '../../app/services-context';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { t } from '../../i18n/zh-CN';
import { useElementSize } from '../../lib/use-element-size';
import { StatusTag } from './StatusTag';

/** What both tables show: a department's members or search hits from the index. */
interface Row {
  userid: string;
  name: string;
  position: string;
  status: MemberStatus;
  departmentIds?: number[];
}

const TABLE_HEADER_HEIGHT = 40;

const baseColumns: TableColumnsType<Row> = [
  { key: 'name', dataIndex: 'name', title: t.org.columns.name, width: 140, ellipsis: true },
  { key: 'userid', dataIndex: 'userid', title: t.org.columns.userid, width: 180, ellipsis: true },
  { key: 'position', dataIndex: 'position', title: t.org.columns.position, ellipsis: true },
  {
    key: 'status',
    dataIndex: 'status',
    title: t.org.columns.status,
    width: 96,
    render: (status: MemberStatus) => <StatusTag status={status} />,
  },
];

export function MemberPanel() {
  const { org } = useServices();
  const query = useOrgStore((s) => s.query);
  const search = useOrgStore((s) => s.search);
  const tree = useOrgStore((s) => s.tree);
  const selectedId = useOrgStore((s) => s.selectedDeptId);
  const members = useOrgStore((s) => s.members);
  const membersStatus = useOrgStore((s) => s.membersStatus);
  const membersError = useOrgStore((s) => s.membersError);
  const tableBox = useRef<HTMLDivElement | null>(null);
  const { height } = useElementSize(tableBox);

  const searching = search !== null;

  const columns = useMemo<TableColumnsType<Row>>(() => {
    if (!searching) return baseColumns;
    const deptColumn: TableColumnsType<Row>[number] = {
      key: 'departments',
      title: t.org.columns.departments,
      ellipsis: true,
      render: (_: unknown, row: Row) =>
        (row.departmentIds ?? []).map((id) => tree?.byId.get(id)?.name ?? t.org.unknownDept(id)).join('、'),
    };
    const nameColumn: TableColumnsType<Row>[number] = {
      ...baseColumns[0]!,
      render: (name: string, row: Row) => {
        const first = row.departmentIds?.[0];
        if (first === undefined) return name;
        return (
          <Button
            type="link"
            size="small"
            className="member-reveal"
            title={t.org.revealHint}
            onClick={() => void org.getState().revealDepartment(first)}
          >
            {name}
          </Button>
        );
      },
    };
    return [nameColumn, ...baseColumns.slice(1, 3), deptColumn, ...baseColumns.slice(3)];
  }, [searching, tree, org]);

  const rows: Row[] = searching ? search.hits : members;
  const selectedName = selectedId !== null ? tree?.byId.get(selectedId)?.name : undefined;
  const heading = searching
    ? t.org.searchHeader(search.total, search.hits.length)
    : selectedName !== undefined
      ? t.org.deptHeader(selectedName, members.length)
      : t.org.pickDepartment;
  const emptyText = searching
    ? t.org.noResults
    : selectedId === null
      ? t.org.pickDepartment
      : t.org.noMembers;

  return (
    <section className="member-panel" aria-label={t.org.membersLabel} data-testid="member-list">
      <Input.Search
        allowClear
        value={query}
        placeholder={t.org.searchPlaceholder}
        aria-label={t.org.searchLabel}
        data-testid="member-search"
        onChange={(e) => org.getState().setQuery(e.target.value)}
        onSearch={(value) => org.getState().setQuery(value)}
      />
      <Typography.Text strong className="member-heading" data-testid="member-heading">
        {heading}
      </Typography.Text>
      {!searching && membersStatus === 'error' && membersError ? (
        <Alert
          type="error"
          showIcon
          title={`${t.org.membersLoadFailed}：${describeError(membersError).title}`}
          description={describeError(membersError).detail}
        />
      ) : null}
      <div className="member-table" ref={tableBox}>
        <Table<Row>
          virtual
          size="small"
          rowKey="userid"
          columns={columns}
          dataSource={rows}
          pagination={false}
          loading={!searching && membersStatus === 'loading'}
          scroll={{ y: Math.max(120, height - TABLE_HEADER_HEIGHT) }}
          locale={{ emptyText }}
          // The virtual body renders plain divs; give rows their role and a stable hook for tests.
          onRow={(r) => ({ role: 'row', 'data-testid': 'member-row', 'data-userid': r.userid }) as never}
        />
      </div>
    </section>
  );
}
