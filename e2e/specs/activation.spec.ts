import { readFile } from 'node:fs/promises';
import { ActivationPage } from '../pages/activation-page';
import { expect, test } from '../support/fixtures';

interface SbState {
  departments: Array<{ id: number; name: string; parentid: number }>;
  users: Array<{
    userid: string;
    name: string;
    department: number[];
    main_department: number;
    status: number;
  }>;
  invites: Array<{ userid: string; count: number }>;
}

test('activation: totals, a department’s not-joined list, CSV export and inviting everyone', async ({
  page,
  sandbox,
  syncedApp: _openedAndSynced,
}) => {
  const st = await sandbox.state<SbState>();
  const notJoined = st.users.filter((u) => u.status === 4);

  const act = new ActivationPage(page);
  await act.open();
  expect(await act.total('成员')).toBe(st.users.length);
  expect(await act.total('已激活')).toBe(st.users.filter((u) => u.status === 1).length);
  expect(await act.total('未激活')).toBe(notJoined.length);

  // The department with the most not-joined members (a 科室 name that is unique).
  const counts = st.departments
    .filter((d) => st.departments.filter((x) => x.name === d.name).length === 1)
    .map((d) => ({ d, n: notJoined.filter((u) => u.main_department === d.id) }))
    .sort((a, b) => b.n.length - a.n.length);
  const { d: dept, n: deptNotJoined } = counts[0]!;
  expect(deptNotJoined.length).toBeGreaterThan(1);
  await act.selectDepartment(dept.name);
  await expect(act.notJoinedRows()).toHaveCount(deptNotJoined.length);
  for (const u of deptNotJoined) await expect(act.notJoined).toContainText(u.name);

  const download = await act.exportDepartment(dept.name);
  expect(download.suggestedFilename()).toContain(dept.name);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.startsWith('\uFEFF')).toBe(false);
  const lines = text.split('\r\n').filter((l) => l !== '');
  expect(lines[0]).toBe('姓名,账号,部门,职务,手机,状态');
  expect(lines).toHaveLength(1 + deptNotJoined.length);
  expect(
    lines
      .slice(1)
      .map((l) => l.split(',')[1])
      .sort(),
  ).toEqual(deptNotJoined.map((u) => u.userid).sort());

  await expect(act.lastInvite).toHaveText('还没有发送过邀请');
  await act.inviteAll();
  await expect(act.results).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText(`已发送 ${notJoined.length} 人，未发送 0 人`);
  const after = await sandbox.state<SbState>();
  expect(after.invites.map((i) => i.userid).sort()).toEqual(notJoined.map((u) => u.userid).sort());
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /关\s?闭|Close/ })
    .click();

  // The same people are not invited again within a day: the time is shown and the button is off.
  await expect(act.lastInvite).toContainText(`上次邀请：`);
  await expect(act.lastInvite).toContainText(`（${notJoined.length} 人）`);
  await expect(act.inviteAllButton).toBeDisabled();
  await act.openList(dept.name);
  await expect(act.notJoined).toContainText('24 小时内已邀请');
});
