import { Changes } from '../pages/changes';
import { TagsPage } from '../pages/tags-page';
import { expect, test } from '../support/fixtures';

interface SbState {
  users: Array<{ userid: string; name: string; position: string; status: number }>;
  tags: Array<{ tagid: number; tagname: string; userlist: string[]; partylist: number[] }>;
}

test('tags: create a tag, add a member, push — WeCom has the tag with that member', async ({
  page,
  sandbox,
  syncedApp: _openedAndSynced,
}) => {
  const before = await sandbox.state<SbState>();
  const member = before.users.find(
    (u) => u.status === 1 && u.position !== '' && before.users.filter((x) => x.name === u.name).length === 1,
  )!;

  const tags = new TagsPage(page);
  await tags.open();
  for (const t of before.tags) await expect(tags.item(t.tagname)).toBeVisible();
  await tags.create('应急医疗队');
  await tags.select('应急医疗队');
  await tags.addMember(member.name, member.name);
  await expect(tags.memberRow(member.userid)).toBeVisible();
  await expect(tags.item('应急医疗队')).toContainText('1 人');

  const changes = new Changes(page);
  await changes.expectPending(2);
  expect((await sandbox.state<SbState>()).tags.some((t) => t.tagname === '应急医疗队')).toBe(false);
  await changes.push();
  await expect(changes.success).toBeVisible({ timeout: 60_000 });
  await changes.close();

  const after = await sandbox.state<SbState>();
  const tag = after.tags.find((t) => t.tagname === '应急医疗队')!;
  expect(tag).toBeDefined();
  expect(tag.userlist.map((u) => u.toLowerCase())).toEqual([member.userid.toLowerCase()]);
  expect(tag.partylist).toEqual([]);
  // The list now shows WeCom's id for it.
  await expect(page.getByTestId(`tag-${tag.tagid}`)).toContainText('应急医疗队');
});
