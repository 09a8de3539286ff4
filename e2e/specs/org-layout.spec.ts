import { join } from 'node:path';
import { repoRoot } from '../support/processes';
import { expect, test } from '../support/fixtures';

interface SbState {
  departments: Array<{ id: number; name: string; parentid: number }>;
  users: Array<{ userid: string; department: number[] }>;
}

const artefact = (name: string) => join(repoRoot, '.e2e-artifacts', name);

test('selecting the root lists everyone, and the tree counts include sub-departments', async ({
  sandbox,
  syncedApp,
}) => {
  const { org } = syncedApp;
  const state = await sandbox.state<SbState>();
  const root = state.departments.find((d) => d.parentid === 0)!;
  const heading = org.members.getByTestId('member-heading');

  // The first view after the first sync is populated: the root, with everyone listed.
  await expect(heading).toHaveText(`${root.name}（含下级部门，共 ${state.users.length} 人）`);
  await expect(org.memberRows.first()).toBeVisible();

  // A top group counts everyone beneath it; its tooltip gives the direct count too.
  const group = state.departments.find((d) => d.name === '临床科室')!;
  const beneath = new Set<number>([group.id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const d of state.departments)
      if (beneath.has(d.parentid) && !beneath.has(d.id)) {
        beneath.add(d.id);
        grew = true;
      }
  }
  const total = state.users.filter((u) => u.department.some((d) => beneath.has(d))).length;
  const direct = state.users.filter((u) => u.department.includes(group.id)).length;
  const item = org.treeItem('临床科室').first();
  await expect(item.locator('.dept-count')).toHaveText(String(total));
  await expect(item).toHaveAttribute('title', new RegExp(`^含下级共 ${total} 人，直属成员 ${direct} 人`));
  await item.click();
  await expect(org.members.getByTestId('member-heading')).toHaveText(
    `临床科室（含下级部门，共 ${total} 人）`,
  );

  // Clicking the root toggles it like any folder; selecting it is what counts here.
  await org.treeItem(root.name).first().click();
  // The heading and the grid both say how many are listed: everyone in the cache, each once.
  await expect(org.members.getByTestId('member-heading')).toHaveText(
    `${root.name}（含下级部门，共 ${state.users.length} 人）`,
  );
  await expect(org.members.getByRole('grid')).toHaveAttribute(
    'aria-rowcount',
    String(state.users.length + 1),
  );
  await expect(org.memberRows.first()).toBeVisible();
});

test('at 1024×700 no member-table column is narrower than its minimum; both sizes are kept as screenshots', async ({
  page,
  syncedApp,
}) => {
  const { org } = syncedApp;
  for (const size of [
    { width: 1024, height: 700 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await org.open('临床科室');
    await org.selectDepartment('心血管内科');
    await expect(org.memberRows.first()).toBeVisible();
    const columns = await org.members.getByRole('columnheader').evaluateAll((cells) =>
      cells.map((c) => ({
        key: c.getAttribute('data-column'),
        width: c.getBoundingClientRect().width,
        min: Number(c.getAttribute('data-min-width')),
      })),
    );
    expect(columns.map((c) => c.key)).toEqual([
      'select',
      'name',
      'userid',
      'mobile',
      'position',
      'departments',
      'status',
      'actions',
    ]);
    for (const c of columns)
      expect(c.width, `${c.key} at ${size.width}px`).toBeGreaterThanOrEqual(c.min - 0.5);
    // The table fits beside the tree: nothing to scroll sideways to read a row.
    const grid = org.members.getByRole('grid');
    const overflow = await grid.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `sideways overflow at ${size.width}px`).toBeLessThanOrEqual(1);
    // 职务 and 部门 end in an ellipsis with the full text as the tooltip.
    const cell = org.memberRows.first().getByRole('gridcell').nth(5);
    expect(await cell.getAttribute('title')).toBeTruthy();
    await page.screenshot({ path: artefact(`org-${size.width}x${size.height}.png`) });
  }
});

test('the splitter widens the tree by drag and by keys, never below its minimum', async ({
  page,
  syncedApp,
}) => {
  const { org } = syncedApp;
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(org.tree).toBeVisible();
  const panel = page.getByTestId('dept-tree-panel');
  const splitter = page.getByRole('separator', { name: '调整部门树宽度' });
  const before = (await panel.boundingBox())!.width;
  const box = (await splitter.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  const wider = (await panel.boundingBox())!.width;
  expect(wider).toBeGreaterThan(before + 60);
  await splitter.focus();
  await page.keyboard.press('Home');
  await expect.poll(async () => Math.round((await panel.boundingBox())!.width)).toBe(220);
});
