import { Changes } from '../pages/changes';
import { expect, test } from '../support/fixtures';

interface SbState {
  departments: Array<{ id: number; name: string; parentid: number }>;
}

test('a create whose reply is lost is read back from WeCom, not sent twice', async ({
  page,
  sandbox,
  syncedApp,
}) => {
  const { org } = syncedApp;
  await org.open('临床科室');
  await org.newSubDepartment('临床科室', '日间手术中心');
  const changes = new Changes(page);
  await changes.expectPending(1);

  await sandbox.resetFaults();
  // WeCom creates the department, then the answer never arrives.
  await sandbox.dropReplies('department/create', 1);
  await changes.push();
  await expect(changes.finished).toBeVisible({ timeout: 60_000 });
  await expect(changes.error).toHaveCount(0);
  await expect(changes.partial).toHaveCount(0);
  await expect(changes.success).toBeVisible();
  await expect(changes.resultRows('done')).toHaveCount(1);
  await expect(changes.resultRows('failed')).toHaveCount(0);

  const st = await sandbox.state<SbState>();
  expect(st.departments.filter((d) => d.name === '日间手术中心')).toHaveLength(1);
  expect(await sandbox.callCount('department/create')).toBe(1);
  await changes.close();
  await changes.expectPending(0);
  await expect(org.treeItem('日间手术中心').first()).not.toHaveAttribute('data-pending');
});

test('a rename that WeCom applied but answered with an error is read back and shown as done', async ({
  page,
  sandbox,
  syncedApp,
}) => {
  const { org } = syncedApp;
  const before = await sandbox.state<SbState>();
  const derm = before.departments.find((d) => d.name === '皮肤科')!;
  await org.open('临床科室');
  await org.rename('皮肤科', '皮肤性病科');
  const changes = new Changes(page);
  await changes.expectPending(1);

  await sandbox.resetFaults();
  // WeCom renames it, then answers "system busy".
  await sandbox.failAfterApply('department/update', -1);
  await changes.push();
  await expect(changes.finished).toBeVisible({ timeout: 60_000 });
  await expect(changes.error).toHaveCount(0);
  await expect(changes.partial).toHaveCount(0);
  await expect(changes.success).toBeVisible();
  await expect(changes.resultRows('done')).toHaveCount(1);
  await expect(changes.resultRows('failed')).toHaveCount(0);

  const st = await sandbox.state<SbState>();
  expect(st.departments.find((d) => d.id === derm.id)!.name).toBe('皮肤性病科');
  expect(st.departments.filter((d) => d.name === '皮肤性病科')).toHaveLength(1);
  // Read back, not re-sent: the one call WeCom answered with -1 is the only one.
  expect(await sandbox.callCount('department/update')).toBe(1);
  await changes.close();
  await changes.expectPending(0);
});
