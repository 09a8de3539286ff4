import type { Department, Member, MemberIndexRow, SyncState } from '../../src-main/contract';

export const dept = (
  id: number,
  name: string,
  parentid: number,
  order = 0,
  pinnedRank: number | null = null,
  memberCount = 0,
): Department => ({
  id,
  name,
  parentid,
  order,
  memberCount,
  pinnedRank,
});

export const sampleDepartments: Department[] = [
  dept(1, '演示医院', 0, 0),
  dept(10, '实验室', 1, 900, 5),
  dept(11, '职能科室', 1, 100, 0),
  dept(12, '临床科室', 1, 800, 1),
  dept(13, '后勤保障部', 1, 99999),
  dept(14, '门诊科室', 1, 1, 2),
  dept(15, '医保农合', 1, 5, 4),
  dept(16, '医技科室', 1, 7, 3),
  dept(20, '心内科', 12, 10, null, 2),
  dept(21, '骨科', 12, 20, null, 1),
];

export const member = (
  userid: string,
  name: string,
  departmentId: number,
  status: Member['status'] = 1,
): Member => ({
  userid,
  name,
  alias: '',
  position: '医师',
  mobile: '',
  email: '',
  telephone: '',
  gender: '1',
  status,
  mainDepartment: departmentId,
  departments: [{ departmentId, order: 0, isLeader: false }],
  directLeader: [],
});

export const row = (
  userid: string,
  name: string,
  pinyin: string,
  initials: string,
  departmentIds: number[] = [20],
): MemberIndexRow => ({
  userid,
  name,
  pinyin,
  initials,
  position: '',
  status: 1,
  departmentIds,
});

export const sampleRows: MemberIndexRow[] = [
  row('zhangsan', '张三', 'zhangsan', 'zs'),
  row('lisi', '李四', 'lisi', 'ls', [21]),
  row('zengxx', '曾小贤', 'zengxiaoxian', 'zxx'),
  row('zhangsanfeng', '张三丰', 'zhangsanfeng', 'zsf', [21]),
];

export const syncedState: SyncState = {
  lastSyncAt: '2026-03-01T08:30:00.000Z',
  departments: sampleDepartments.length,
  members: sampleRows.length,
  tags: 0,
  runningJobId: null,
};
