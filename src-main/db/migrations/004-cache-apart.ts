/**
 * The WeCom org cache moves out of the main db into its own file (cache.sqlite, ATTACHed as `cache`,
 * schema in db/cache/), so a damaged or outdated cache can be thrown away without touching the
 * precious records here. The rows are not copied: the cache is re-pullable, and the next sync fills
 * the new file. Children first, so no foreign key sees a missing parent. Qualified with `main.`
 * because the attached cache has tables of the same names.
 */
export const sql = `
DROP TABLE IF EXISTS main.tag_members;
DROP TABLE IF EXISTS main.tag_departments;
DROP TABLE IF EXISTS main.tags;
DROP TABLE IF EXISTS main.member_departments;
DROP TABLE IF EXISTS main.members;
DROP TABLE IF EXISTS main.departments;
`;
