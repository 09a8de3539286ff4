import { AppShell } from '../pages/app-shell';
import { OrgPage } from '../pages/org-page';
import { expect, test } from '../support/fixtures';

const TOP_GROUPS = ['职能科室', '临床科室', '门诊科室', '医技科室', '医保农合', '实验室'];

test('first run shows the demo hospital by itself: six top groups in order, 866 members reachable', async ({
  page,
  startHost,
}) => {
  const host = await startHost();
  // Records which of these ever appeared, however briefly, from the first paint on.
  await page.addInitScript(() => {
    const seen = new Set<string>();
    (window as unknown as { seenTestIds: Set<string> }).seenTestIds = seen;
    new MutationObserver(() => {
      for (const id of ['org-empty', 'org-first-sync', 'sync-progress'])
        if (document.querySelector(`[data-testid="${id}"]`)) seen.add(id);
      // The 通讯录 page's first render: the first sync already done (a fast machine finishes it before the
      // page is up), or not yet (then its progress must show).
      const last = document.querySelector('[data-testid="last-sync"]');
      if (!seen.has('org-page') && last) {
        seen.add('org-page');
        if (!last.textContent?.includes('尚未同步')) seen.add('synced-before-page');
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const shell = new AppShell(page);
  await shell.open(host.url);
  await expect(shell.demoBanner).toBeVisible();

  // No click: the empty cache is synced by itself, with its progress shown, never a 「同步」 prompt.
  const org = new OrgPage(page);
  await org.waitForFirstSync();
  const seen = await page.evaluate(() =>
    [...(window as unknown as { seenTestIds: Set<string> }).seenTestIds].sort(),
  );
  // Never an empty page or a 「同步」 prompt; whenever the page was up before the data, progress showed.
  const pageBeforeData = !seen.includes('synced-before-page');
  expect({
    pageSeen: seen.includes('org-page'),
    emptyPrompt: seen.includes('org-empty'),
    progressWhenNeeded:
      !pageBeforeData || (seen.includes('org-first-sync') && seen.includes('sync-progress')),
  }).toEqual({ pageSeen: true, emptyPrompt: false, progressWhenNeeded: true });

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
