import { Modal, Table, Tag } from 'antd';
import type { InviteResult } from './activation-store';

/** 邀请结果 in a dialog of its own height, so the department table does not jump down (walkthrough 60). */
export function InviteResultsModal({
  results,
  onClose,
}: {
  results: InviteResult[] | null;
  onClose: () => void;
}) {
  const sent = results?.filter((r) => r.ok).length ?? 0;
  const failed = (results?.length ?? 0) - sent;
  return (
    <Modal
      open={results !== null}
      title={`邀请结果：已发送 ${sent} 人，未发送 ${failed} 人`}
      onCancel={onClose}
      footer={null}
      width={640}
      destroyOnHidden
    >
      <div data-testid="invite-results">
        <Table<InviteResult>
          size="small"
          rowKey="userid"
          dataSource={results ?? []}
          pagination={(results?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { key: 'name', dataIndex: 'name', title: '姓名', width: 90 },
            { key: 'userid', dataIndex: 'userid', title: '账号', width: 140 },
            {
              key: 'ok',
              dataIndex: 'ok',
              title: '结果',
              width: 80,
              render: (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{ok ? '已发送' : '未发送'}</Tag>,
            },
            { key: 'reason', dataIndex: 'reason', title: '说明', render: (r: string | null) => r ?? '' },
          ]}
        />
      </div>
    </Modal>
  );
}
