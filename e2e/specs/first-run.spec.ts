import { AppShell } from '../pages/app-shell';
import { OrgPage } from '../pages/org-page';
import { expect, test } from '../support/fixtures';

const TOP_GROUPS = ['职能科室', '临床科室', '门诊科室', '医技科室', '医保农合', '实验室'];

test('first run shows the demo hospital: six top groups in order, 866 members reachable', async ({
  page,
  startHost,
}) => {
  const host = await startHost();
  const shell = new AppShell(page);
  await shell.open(host.url);
  await expect(shell.demoBanner).toBeVisible();

  const org = new OrgPage(page);
  await expect(page.getByText('还没有通讯录数据')).toBeVisible();
  await org.syncAndWait();

  await expect(org.treeItem('临床科室')).toBeVisible();
  expect(await org.topGroupNames()).toEqual(TOP_GROUPS);
  await expect(page.getByText(/866\s*名成员/)).toBeVisible();

  // Reach members through the tree and through pinyin search.
  await org.treeItem('临床科室').first().click();
  await org.selectDepartment('心血管内科');
  await expect(org.memberRows.first()).toBeVisible();
  const row = org.memberRows.first();
  const name = (await row.locator('.ant-table-cell').first().innerText()).trim();
  const userid = await row.getAttribute('data-userid');
  // Sandbox userids are the console-style pinyin of the name (e.g. ZengXiaoMing), so they give the
  // full pinyin and the initials to search with.
  const full = userid!.toLowerCase();
  const initials = userid!.replace(/[^A-Z]/g, '').toLowerCase();
  for (const q of [name, full, initials]) {
    await org.search(q);
    await expect(org.memberRow(name).first()).toBeVisible();
  }
});
