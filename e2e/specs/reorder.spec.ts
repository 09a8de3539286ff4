import { AppShell } from '../pages/app-shell';
import { AuditLog } from '../pages/audit-page';
import { Changes } from '../pages/changes';
import { expect, test } from '../support/fixtures';

interface SbDept {
  id: number;
  name: string;
  parentid: number;
  order: number;
}

/** WeCom's sibling order: larger `order` first, then id. */
const shown = (depts: SbDept[], parentid: number) =>
  depts
    .filter((d) => d.parentid === parentid)
    .sort((a, b) => b.order - a.order || a.id - b.id)
    .map((d) => d.name);

test('Alt+↓ moves a department one place: one change naming it, one department written', async ({
  page,
  sandbox,
  syncedApp,
}) => {
  const { org } = syncedApp;
  const before = await sandbox.state<{ departments: SbDept[] }>();
  const clinical = before.departments.find((d) => d.name === '临床科室')!;
  const was = shown(before.departments, clinical.id);
  const at = was.indexOf('骨科');
  expect(at).toBeGreaterThanOrEqual(0);
  expect(at).toBeLessThan(was.length - 1);

  await org.open('临床科室');
  await org.treeItem('骨科').first().click();
  await page.keyboard.press('Alt+ArrowDown');

  const changes = new Changes(page);
  await changes.expectPending(1);
  const list = await changes.openList();
  await expect(changes.changeRows).toHaveCount(1);
  const place = `骨科：第 ${at + 1} 位 → 第 ${at + 2} 位`;
  await expect(changes.changeRows.first()).toContainText(place);
  await expect(list).not.toContainText(was[at + 1]!);
  // 差异 agrees: one line, for 骨科 only.
  const lines = await changes.diffLines();
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toHaveText(place);
  await changes.closeList();

  await changes.push();
  await expect(changes.success).toBeVisible({ timeout: 60_000 });
  await changes.close();

  // WeCom: 骨科 and its next sibling swapped places, and 骨科 is the only department that changed.
  const after = await sandbox.state<{ departments: SbDept[] }>();
  const expected = [...was];
  [expected[at], expected[at + 1]] = [expected[at + 1]!, expected[at]!];
  expect(shown(after.departments, clinical.id)).toEqual(expected);
  const changed = after.departments.filter((d) => {
    const b = before.departments.find((x) => x.id === d.id)!;
    return b.name !== d.name || b.parentid !== d.parentid || b.order !== d.order;
  });
  expect(changed.map((d) => d.name)).toEqual(['骨科']);

  // One call reached WeCom, recorded once, in words.
  await new AppShell(page).goTo('操作记录');
  const audit = new AuditLog(page);
  await expect(audit.rows).toHaveCount(1);
  await expect(audit.rows.first()).toContainText('部门 · 修改');
  await expect(audit.rows.first()).toContainText(place);
  await expect(audit.rows.first()).toContainText('成功');
});
