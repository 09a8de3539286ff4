import { OrgPage } from '../pages/org-page';
import { TagsPage } from '../pages/tags-page';
import { expect, test } from '../support/fixtures';

/*
 * The demo hospital (src-main/sandbox/seed, default seed) has 崔博 (cb, 主任) and 曹博磊 (cbl),
 * who sorts first by pinyin; 召悦 (shao/zhao) and 曾平 (zeng/ceng) carry polyphonic surnames.
 */
interface SbState {
  users: Array<{ userid: string; name: string; mobile: string; position: string }>;
}

test('search: exact initials first (cb → 崔博), both surname readings, mobile and 账号', async ({
  page,
  sandbox,
  syncedApp: _openedAndSynced,
}) => {
  const users = (await sandbox.state<SbState>()).users;
  const cuiBo = users.find((u) => u.name === '崔博')!;
  expect(cuiBo).toBeDefined();
  expect(users.some((u) => u.name === '曹博磊')).toBe(true);

  const org = new OrgPage(page);
  await org.search('cb');
  await expect(org.memberRows.first()).toContainText('崔博');
  await expect(org.memberRow('曹博磊')).toBeVisible();

  await org.search('zhaoyue');
  await expect(org.memberRow('召悦')).toBeVisible();
  await org.search('shaoyue');
  await expect(org.memberRow('召悦')).toBeVisible();
  await org.search('cengping');
  await expect(org.memberRow('曾平')).toBeVisible();

  await org.search(cuiBo.mobile);
  await expect(org.memberRows).toHaveCount(1);
  await expect(org.memberRows.first()).toContainText('崔博');
  await org.search(cuiBo.userid);
  await expect(org.memberRows.first()).toContainText('崔博');
});

test('tag picker: 「cb」 + Enter adds 崔博, and hits show 部门 and 职务', async ({
  page,
  syncedApp: _openedAndSynced,
}) => {
  const tags = new TagsPage(page);
  await tags.open();
  await tags.create('查房小组');
  await tags.select('查房小组');
  await tags.pickFirstMemberWithEnter('cb');
  await expect(tags.chosenMembers).toHaveCount(1);
  await expect(tags.chosenMembers.first()).toContainText('崔博');

  // The suggestions name 职务 (and the department) after each name.
  const box = tags.detail.getByLabel('添加成员');
  await box.click();
  await box.pressSequentially('cb');
  await expect(tags.memberOptions.filter({ hasText: '曹博磊' })).toContainText('住院医师');
  await page.keyboard.press('Escape');
});
