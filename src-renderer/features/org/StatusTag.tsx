import { Tag } from 'antd';
import type { MemberStatus } from '../../../src-main/contract';
import { t } from '../../i18n/zh-CN';

const colors: Record<MemberStatus, string> = {
  1: 'green',
  4: 'orange',
  2: 'default',
  5: 'red',
};

export function StatusTag({ status }: { status: MemberStatus }) {
  return <Tag color={colors[status]}>{t.org.status[status]}</Tag>;
}
