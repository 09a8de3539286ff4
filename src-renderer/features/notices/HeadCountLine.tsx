import { Popover, Typography } from 'antd';
import type { HeadCountView } from '../../../src-main/contract';

function People({ label, people }: { label: string; people: { userid: string; name: string }[] }) {
  if (people.length === 0) return <>{`${label} 0 人`}</>;
  return (
    <Popover
      title={label}
      content={
        <div className="headcount-people">{people.map((p) => `${p.name}（${p.userid}）`).join('、')}</div>
      }
    >
      <Typography.Link>{`${label} ${people.length} 人`}</Typography.Link>
    </Popover>
  );
}

/** 「共 693 人，其中 12 人未激活收不到，3 人已停用」, each number opening the names behind it. */
export function HeadCountLine({ count }: { count: HeadCountView | null }) {
  if (!count) return <Typography.Text type="secondary">选择接收人后显示人数</Typography.Text>;
  if (!count.synced)
    return (
      <Typography.Text type="warning">
        本地还没有同步通讯录，无法统计人数；发送时按 ID 原样交给企业微信
      </Typography.Text>
    );
  const unknown = count.unknownUsers.length + count.unknownDepartments.length + count.unknownTags.length;
  return (
    <div data-testid="headcount">
      <Typography.Text strong>{`共 ${count.total} 人`}</Typography.Text>
      {'，其中 '}
      <People label="未激活收不到" people={count.notJoined} />
      {'，'}
      <People label="已停用" people={count.disabled} />
      {count.outsideRange.length > 0 ? (
        <>
          {'，'}
          <People label="不在应用可见范围" people={count.outsideRange} />
        </>
      ) : null}
      {unknown > 0 ? (
        <Typography.Text type="danger">{`；${unknown} 个接收对象在通讯录中找不到`}</Typography.Text>
      ) : null}
    </div>
  );
}
