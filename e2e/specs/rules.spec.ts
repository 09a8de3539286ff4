import { Changes } from '../pages/changes';
import { RulesPage } from '../pages/rules-page';
import { expect, test } from '../support/fixtures';

interface SbState {
  departments: Array<{ id: number; name: string; parentid: number }>;
  users: Array<{
    userid: string;
    name: string;
    department: number[];
    main_department: number;
    position: string;
  }>;
}
const GROUPS = ['正副主任', '正副护士长', '主持工作的科主任'];

/** The rule's meaning computed from WeCom's state: per top group, the members of its 科室 with that 职务. */
function expected(st: SbState, positions: string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const top of st.departments.filter((d) => d.parentid === 1)) {
    const units = new Set([top.id]);
    for (let grew = true; grew;) {
      grew = false;
      for (const d of st.departments)
        if (
          units.has(d.parentid) &&
          !units.has(d.id) &&
          !(d.parentid === top.id && GROUPS.includes(d.name))
        ) {
          units.add(d.id);
          grew = true;
        }
    }
    const ids = st.users
      .filter((u) => positions.includes(u.position) && u.department.some((d) => units.has(d)))
      .map((u) => u.userid)
      .sort();
    if (ids.length) out.set(top.id, ids);
  }
  return out;
}

test('正副主任 preset: preview, save, apply, push — WeCom holds the groups beside the 科室', async ({
  page,
  sandbox,
  syncedApp: _openedAndSynced,
}) => {
  const before = await sandbox.state<SbState>();
  const want = expected(before, ['主任', '副主任']);
  const clinical = before.departments.find((d) => d.name === '临床科室')!;
  const clinicalWant = want.get(clinical.id)!;

  const rules = new RulesPage(page);
  await rules.open();
  await rules.addPreset('正副主任');
  await rules.runPreview();
  const card = rules.previewGroup('临床科室', '正副主任');
  await expect(card).toContainText('已存在');
  await expect(card).toContainText(`成员（${clinicalWant.length}）`);
  const someone = before.users.find((u) => u.userid === clinicalWant[0])!;
  await expect(card).toContainText(`${someone.name}（${someone.position}）`);
  // A top group without a seeded group gets one.
  await expect(rules.preview.getByText('将新建').first()).toBeVisible();
  await rules.save();
  await expect(rules.row('正副主任')).toContainText('主任');

  await rules.apply('正副主任');
  const changes = new Changes(page);
  await changes.expectPending(1);
  await changes.push();
  await expect(changes.success).toBeVisible({ timeout: 60_000 });
  await changes.close();

  const after = await sandbox.state<SbState>();
  for (const [topId, ids] of want) {
    const groups = after.departments.filter((d) => d.parentid === topId && d.name === '正副主任');
    expect(groups).toHaveLength(1);
    const members = after.users.filter((u) => u.department.includes(groups[0]!.id));
    expect(members.map((u) => u.userid).sort()).toEqual(ids);
    for (const u of members) {
      expect(u.main_department).toBe(before.users.find((b) => b.userid === u.userid)!.main_department);
    }
  }
  // Applying again has nothing to do.
  await rules.applyExpectingNothing('正副主任');
  await changes.expectPending(0);
});
