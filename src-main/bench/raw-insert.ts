import sqlite3 from 'sqlite3';
import type { OrgSnapshot } from '../db/repos/org-repo';

/**
 * The baseline: the same rows written with bare sqlite3 (one transaction, prepared statements,
 * no awaiting per row), into the same schema. What the sync's write is measured against.
 */
export function rawInsert(raw: sqlite3.Database, s: OrgSnapshot): Promise<void> {
  return new Promise((resolve, reject) => {
    raw.serialize(() => {
      raw.run('BEGIN');
      const d = raw.prepare(
        'INSERT INTO departments (id, name, name_en, parentid, sort_order, leaders) VALUES (?,?,?,?,?,?)',
      );
      for (const x of s.departments)
        d.run(x.id, x.name, x.nameEn, x.parentid, x.order, JSON.stringify(x.leaders));
      d.finalize();
      const m = raw.prepare(
        `INSERT INTO members (userid, name, alias, position, mobile, email, telephone, gender, status,
          main_department, direct_leader, name_pinyin, name_initials) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      );
      const l = raw.prepare(
        'INSERT INTO member_departments (userid, department_id, sort_order, is_leader) VALUES (?,?,?,?)',
      );
      for (const x of s.members) {
        m.run(
          x.userid,
          x.name,
          x.alias,
          x.position,
          x.mobile,
          x.email,
          x.telephone,
          x.gender,
          x.status,
          x.mainDepartment,
          JSON.stringify(x.directLeader),
          x.pinyin,
          x.initials,
        );
        for (const y of x.departments) l.run(x.userid, y.departmentId, y.order, y.isLeader ? 1 : 0);
      }
      m.finalize();
      l.finalize();
      const t = raw.prepare('INSERT INTO tags (tagid, tagname) VALUES (?,?)');
      const tm = raw.prepare('INSERT OR IGNORE INTO tag_members (tagid, userid) VALUES (?,?)');
      const td = raw.prepare('INSERT OR IGNORE INTO tag_departments (tagid, department_id) VALUES (?,?)');
      for (const x of s.tags) {
        t.run(x.tagid, x.tagname);
        for (const u of x.userids) tm.run(x.tagid, u);
        for (const p of x.departmentIds) td.run(x.tagid, p);
      }
      t.finalize();
      tm.finalize();
      td.finalize();
      raw.run('COMMIT', (err) => (err ? reject(err) : resolve()));
    });
  });
}
