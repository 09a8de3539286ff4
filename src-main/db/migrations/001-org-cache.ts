/** The WeCom org cache and sync bookkeeping. */
export const sql = `
CREATE TABLE departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  parentid INTEGER NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  leaders TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX departments_parent ON departments(parentid);

CREATE TABLE members (
  userid TEXT PRIMARY KEY COLLATE NOCASE,
  name TEXT NOT NULL,
  alias TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  mobile TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  telephone TEXT NOT NULL DEFAULT '',
  gender TEXT NOT NULL DEFAULT '0',
  status INTEGER NOT NULL,
  main_department INTEGER,
  direct_leader TEXT NOT NULL DEFAULT '[]',
  name_pinyin TEXT NOT NULL DEFAULT '',
  name_initials TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX members_pinyin ON members(name_pinyin);
CREATE INDEX members_initials ON members(name_initials);

CREATE TABLE member_departments (
  userid TEXT NOT NULL REFERENCES members(userid) ON DELETE CASCADE,
  department_id INTEGER NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  is_leader INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (userid, department_id)
) STRICT;
CREATE INDEX member_departments_dept ON member_departments(department_id);

CREATE TABLE tags (
  tagid INTEGER PRIMARY KEY,
  tagname TEXT NOT NULL
) STRICT;

CREATE TABLE tag_members (
  tagid INTEGER NOT NULL REFERENCES tags(tagid) ON DELETE CASCADE,
  userid TEXT NOT NULL,
  PRIMARY KEY (tagid, userid)
) STRICT;

CREATE TABLE tag_departments (
  tagid INTEGER NOT NULL REFERENCES tags(tagid) ON DELETE CASCADE,
  department_id INTEGER NOT NULL,
  PRIMARY KEY (tagid, department_id)
) STRICT;

CREATE TABLE sync_runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  ok INTEGER,
  departments INTEGER,
  members INTEGER,
  tags INTEGER,
  not_joined INTEGER,
  error_code TEXT
) STRICT;
`;
