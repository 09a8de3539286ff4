import { NoticesPage } from '../pages/notices-page';
import { expect, test } from '../support/fixtures';

interface SbState {
  users: Array<{ userid: string; name: string; status: number }>;
}

test('a text notice to one person: head count, sent once, in their inbox and the 发文登记, then recalled', async ({
  page,
  sandbox,
  syncedApp: _openedAndSynced,
}) => {
  const { users } = await sandbox.state<SbState>();
  const person = users.find((u) => u.status === 1 && users.filter((x) => x.name === u.name).length === 1)!;

  const notices = new NoticesPage(page);
  await notices.open();
  await notices.chooseApp('新区医院小助手');
  await notices.write('今晚 18:00 全院消防演练，请各科室做好准备。');
  await notices.addRecipient(person.name, person.name);
  await expect(notices.headCount).toContainText('共 1 人');
  await expect(page.getByText('草稿已保存')).toBeVisible();
  await notices.send();
  await expect(notices.result).toContainText('已发送');

  const inbox = await sandbox.inbox(person.userid);
  expect(inbox.map((m) => m.payload.content)).toEqual(['今晚 18:00 全院消防演练，请各科室做好准备。']);
  await notices.openRegister();
  await expect(notices.registerRows).toHaveCount(1);
  await expect(notices.registerRows.first()).toContainText('已发送');

  await notices.recall('已发送', '时间写错了');
  await expect(notices.registerRows.first()).toContainText('已撤回');
  expect((await sandbox.inbox(person.userid)).map((m) => m.recalled)).toEqual([true]);
});

test('a file dropped on the composer reaches the member under its Chinese name', async ({
  page,
  sandbox,
  syncedApp: _openedAndSynced,
}) => {
  const { users } = await sandbox.state<SbState>();
  const person = users.find((u) => u.status === 1 && users.filter((x) => x.name === u.name).length === 1)!;
  const notices = new NoticesPage(page);
  await notices.open();
  await notices.chooseApp('新区医院小助手');
  await notices.attach('元旦值班表（终稿）.txt', Buffer.from('1 月 1 日：内科 张三'));
  await notices.addRecipient(person.name, person.name);
  await notices.send();
  await expect(notices.result).toContainText('已发送');
  const [msg] = await sandbox.inbox<{ msgtype: string; payload: { media_id: string } }>(person.userid);
  expect(msg!.msgtype).toBe('file');
  expect(await sandbox.media(msg!.payload.media_id)).toMatchObject({
    type: 'file',
    filename: '元旦值班表（终稿）.txt',
    size: Buffer.byteLength('1 月 1 日：内科 张三'),
  });
});
