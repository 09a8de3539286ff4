import { AppShell } from '../pages/app-shell';
import { Changes } from '../pages/changes';
import { HostProcess } from '../support/host-process';
import { expect, test } from '../support/fixtures';

interface SbState {
  departments: Array<{ id: number; name: string; parentid: number }>;
}

test('edits made while WeCom is down are kept and pushed once it is back', async ({
  page,
  sandbox,
  syncedApp,
}) => {
  const { shell, org } = syncedApp;

  await sandbox.fault('dropConnections', { path: null, count: 100_000 });
  await expect(shell.offlineTag).toBeVisible({ timeout: 20_000 });
  await org.open('临床科室');
  await org.newSubDepartment('临床科室', '离线新建病区');
  await org.rename('皮肤科', '皮肤性病科');
  const changes = new Changes(page);
  await changes.expectPending(2);
  await changes.push();
  await expect(changes.error).toContainText('网络');
  await changes.close();

  await sandbox.fault('reset');
  await expect(shell.offlineTag).toBeHidden({ timeout: 20_000 });
  await changes.push();
  await expect(changes.success).toBeVisible({ timeout: 60_000 });
  const st = await sandbox.state<SbState>();
  expect(st.departments.filter((d) => d.name === '离线新建病区')).toHaveLength(1);
  expect(st.departments.some((d) => d.name === '皮肤性病科')).toBe(true);
});

test('a push interrupted by killing the host resumes without duplicating or losing operations', async ({
  page,
  sandbox,
  syncedApp,
}) => {
  const { host, org } = syncedApp;
  await org.open('临床科室');
  const names = ['一病区', '二病区', '三病区', '四病区', '五病区'].map((n) => `康复科${n}`);
  for (const n of names) await org.newSubDepartment('临床科室', n);
  const changes = new Changes(page);
  await changes.expectPending(names.length);

  // Slow WeCom down so the kill lands in the middle of the batch.
  await sandbox.fault('setLatency', { ms: 400 });
  await changes.push();
  await expect
    .poll(
      async () => (await sandbox.state<SbState>()).departments.filter((d) => names.includes(d.name)).length,
      {
        timeout: 60_000,
      },
    )
    .toBeGreaterThanOrEqual(2);
  await host.stop('SIGKILL');
  const partial = (await sandbox.state<SbState>()).departments.filter((d) => names.includes(d.name)).length;
  expect(partial).toBeLessThan(names.length);

  await sandbox.fault('setLatency', { ms: 0 });
  const again = await HostProcess.start(sandbox.env(), host.dataDir);
  try {
    await new AppShell(page).open(again.url);
    await changes.push();
    await expect(changes.success).toBeVisible({ timeout: 60_000 });
    const st = await sandbox.state<SbState>();
    for (const n of names) expect(st.departments.filter((d) => d.name === n)).toHaveLength(1);
    await changes.close();
    await changes.expectPending(0);
  } finally {
    await again.stop();
  }
});
