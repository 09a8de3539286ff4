import { Alert, Button, Descriptions, Drawer, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { Member } from '../../../src-main/contract';
import { useOrgStore, useServices } from '../../app/services-context';
import { describeError } from '../../i18n/error-messages.zh-CN';
import { PendingMark } from './MemberTable';
import { StatusTag } from './StatusTag';

const GENDER: Record<string, string> = { '0': '未设置', '1': '男', '2': '女' };

type Loaded =
  { state: 'loading' } | { state: 'ok'; member: Member | null } | { state: 'error'; text: string };

/**
 * A member's fields, read-only: looking someone up must not risk an edit. 「编辑」 opens the editor.
 */
export function MemberDetail({
  userid,
  onClose,
  onEdit,
}: {
  userid: string | null;
  onClose: () => void;
  onEdit: (userid: string) => void;
}) {
  const { api } = useServices();
  const tree = useOrgStore((s) => s.tree);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    if (userid === null) return;
    let live = true;
    setLoaded({ state: 'loading' });
    void api.call('org.getMember', { userid }).then((res) => {
      if (!live) return;
      if (res.ok) setLoaded({ state: 'ok', member: res.value.member });
      else setLoaded({ state: 'error', text: describeError(res.error).title });
    });
    return () => {
      live = false;
    };
  }, [api, userid]);

  const member = loaded.state === 'ok' ? loaded.member : null;
  const deptName = (id: number) => tree?.byId.get(id)?.name ?? `部门 ${id}`;
  const show = (v: string) => (v.trim() === '' ? '—' : v);

  return (
    <Drawer
      open={userid !== null}
      onClose={onClose}
      title={member ? `成员详情：${member.name}` : '成员详情'}
      size={420}
      data-testid="member-detail"
      extra={
        <Space>
          <Button
            type="primary"
            disabled={!member || member.pending === 'deleted'}
            onClick={() => member && onEdit(member.userid)}
          >
            编辑
          </Button>
        </Space>
      }
    >
      {loaded.state === 'loading' ? (
        <Spin />
      ) : loaded.state === 'error' ? (
        <Alert type="error" showIcon title={`读取成员失败：${loaded.text}`} />
      ) : !member ? (
        <Alert type="warning" showIcon title="找不到这名成员，可能已被删除；请同步通讯录后再试。" />
      ) : (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="姓名">
            {member.name} <PendingMark pending={member.pending} />
          </Descriptions.Item>
          <Descriptions.Item label="账号">{member.userid}</Descriptions.Item>
          <Descriptions.Item label="别名">{show(member.alias)}</Descriptions.Item>
          <Descriptions.Item label="手机">{show(member.mobile)}</Descriptions.Item>
          <Descriptions.Item label="座机">{show(member.telephone)}</Descriptions.Item>
          <Descriptions.Item label="邮箱">{show(member.email)}</Descriptions.Item>
          <Descriptions.Item label="性别">{GENDER[member.gender] ?? '未设置'}</Descriptions.Item>
          <Descriptions.Item label="职务">{show(member.position)}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <StatusTag status={member.status} />
          </Descriptions.Item>
          <Descriptions.Item label="部门">
            {member.departments.length === 0
              ? '—'
              : member.departments.map((d) => (
                  <div key={d.departmentId}>
                    {deptName(d.departmentId)}
                    {d.departmentId === member.mainDepartment ? '（主部门）' : ''}
                    {d.isLeader ? '（负责人）' : ''}
                  </div>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label="直属上级">
            {member.directLeader.length === 0 ? '—' : member.directLeader.join('、')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}
