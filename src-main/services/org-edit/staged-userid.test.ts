import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeOp, MemberFields } from '../../contract/org-edit';
import { servicesHarness, type Harness } from '../../test-support/services-harness';

/**
 * A staged new member's 账号 can be corrected before the push (walkthrough Task 4): the member editor
 * stages [member.delete old, member.create new], and the push makes one user/create with the new one.
 */
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const call = <T = unknown>(name: string, input: unknown = {}): Promise<T> => h!.call<T>(name, input);
const stage = (label: string, ops: ChangeOp[]) => call('orgEdit.stage', { label, ops });

describe('changing the 账号 of a staged new member', () => {
  it('pushes one create under the corrected 账号 and nothing under the old one', async () => {
    h = await servicesHarness({ mode: 'env' });
    expect((await h.runJob(() => h!.services.org.startSync())).ok).toBe(true);
    const dept = [...h.sandbox.state.departments.values()].find((d) => d.name === '心血管内科')!;
    const fields: MemberFields = {
      name: '王小明',
      alias: '',
      mobile: '13912340001',
      email: '',
      telephone: '',
      position: '护士',
      gender: '1',
      departments: [{ departmentId: dept.id, order: 0, isLeader: false }],
      mainDepartment: dept.id,
      directLeader: [],
      enable: true,
    };
    await stage('新建成员「王小明」', [{ type: 'member.create', userid: 'WangXiaoMingg', fields }]);
    await stage('修改新成员「王小明」的账号：WangXiaoMingg → WangXiaoMing', [
      { type: 'member.delete', userid: 'WangXiaoMingg' },
      { type: 'member.create', userid: 'WangXiaoMing', fields },
    ]);
    const member = await call<{ member: { userid: string; pending: string | null } | null }>(
      'org.getMember',
      {
        userid: 'WangXiaoMing',
      },
    );
    expect(member.member).toMatchObject({ userid: 'WangXiaoMing', pending: 'created' });
    expect(await call('org.getMember', { userid: 'WangXiaoMingg' })).toEqual({ member: null });

    const creates = h.sandbox.faults.callCount('user/create');
    const deletes = h.sandbox.faults.callCount('user/delete');
    expect((await h.runJob(() => h!.services.push.start())).ok).toBe(true);
    expect(h.sandbox.faults.callCount('user/create') - creates).toBe(1);
    expect(h.sandbox.faults.callCount('user/delete') - deletes).toBe(0);
    expect(h.sandbox.state.users.get('wangxiaoming')).toMatchObject({
      userid: 'WangXiaoMing',
      name: '王小明',
    });
    expect(h.sandbox.state.users.get('wangxiaomingg')).toBeUndefined();
  });
});
