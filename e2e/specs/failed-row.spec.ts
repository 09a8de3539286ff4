import { Changes } from '../pages/changes';
import { expect, test } from '../support/fixtures';

interface SbState {
  departments: Array<{ id: number; name: string; parentid: number }>;
  users: Array<{ userid: string; name: string; department: number[]; mobile: string }>;
}

test('a call WeCom refuses is shown with its reason, does not block the next push, and can be skipped', async ({
  page,
  sandbox,
  syncedApp,
}) => {
  const { org } = syncedApp;
  const before = await sandbox.state<SbState>();
  const cardio = before.departments.find((d) => d.name === '心血管内科')!;
  const member = before.users.find((u) => u.department.includes(cardio.id))!;

  // 1. A mobile change WeCom refuses (60104: the number is already taken).
  await org.open('临床科室');
  await org.selectDepartment('心血管内科');
  const drawer = await org.editMember(member.userid);
  await drawer.getByLabel('手机').fill('13900001234');
  await org.saveMember(drawer);
  await expect(drawer).toBeHidden();
  const changes = new Changes(page);
  await changes.expectPending(1);

  await sandbox.failNext('user/update', 60104);
  await changes.push();
  await expect(changes.finished).toBeVisible({ timeout: 60_000 });
  await expect(changes.partial).toContainText('未能推送：1 项都被企业微信拒绝');
  const failed = changes.resultRows('failed');
  await expect(failed).toHaveCount(1, { timeout: 60_000 });
  await expect(failed).toContainText(member.name);
  await expect(failed).toContainText('手机号 13900001234 已被企业内的另一名成员占用');
  await expect(failed).toContainText('60104');
  for (const action of ['重试', '跳过', '以企业微信为准'])
    await expect(failed.getByRole('button', { name: action })).toBeVisible();
  expect((await sandbox.state<SbState>()).users.find((u) => u.userid === member.userid)!.mobile).toBe(
    member.mobile,
  );
  await changes.close();

  // 2. An unrelated rename still goes out while the failed call waits for a decision.
  await org.rename('皮肤科', '皮肤性病科');
  await changes.expectPending(2);
  await changes.push();
  await expect(changes.finished).toBeVisible({ timeout: 60_000 });
  await expect(changes.partial).toContainText('部分成功：1 项成功，1 项失败');
  const mid = await sandbox.state<SbState>();
  expect(mid.departments.filter((d) => d.name === '皮肤性病科')).toHaveLength(1);
  // Only the refused call is still waiting.
  await changes.expectPending(1);
  await expect(changes.resultRows('failed')).toHaveCount(1);

  // 3. 跳过: the call leaves the open list; WeCom keeps the old number.
  await changes.settle(changes.resultRows('failed'), '跳过');
  await expect(changes.resultRows('failed')).toHaveCount(0);
  await changes.expectPending(0);
  const after = await sandbox.state<SbState>();
  expect(after.users.find((u) => u.userid === member.userid)!.mobile).toBe(member.mobile);
  expect(after.departments.filter((d) => d.name === '皮肤性病科')).toHaveLength(1);
});
