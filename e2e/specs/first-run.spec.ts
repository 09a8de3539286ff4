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
  await expect(org.members.getByRole('row').nth(1)).toBeVisible();
  const first = (await org.members.getByRole('row').nth(1).innerText()).split(/\s/)[0]!;
  await org.search(first);
  await expect(page.getByText(first).first()).toBeVisible();
});
