/**
 * The disposable WeCom org cache lives in its own file (cache.sqlite), ATTACHed to the main connection
 * as schema `cache`. Unqualified table names resolve to it once main has no tables of the same name
 * (migration 004), so the repos' SQL needs no prefix.
 *
 * Its schema is versioned apart from the main db (its own user_version) and never migrated: a file at
 * another version is moved aside and recreated empty, because everything in it can be pulled again.
 */
export const CACHE_SCHEMA = 'cache';
export const CACHE_FILE = 'cache.sqlite';
export const CACHE_VERSION = 1;

/** Every table of the cache, children first (the order to empty them in). */
export const cacheTables = [
  'tag_members',
  'tag_departments',
  'tags',
  'member_departments',
  'members',
  'departments',
  'cache_meta',
] as const;

/**
 * Version 1: the org tables of migrations 001 and 003 (members.enable) plus `cache_meta`, which stamps
 * the corp the rows came from. IF NOT EXISTS keeps creation idempotent.
 */
export const cacheSchemaV1 = `
CREATE TABLE IF NOT EXISTS cache.departments (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  parentid INTEGER NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  leaders TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX IF NOT EXISTS cache.departments_parent ON departments(parentid);

CREATE TABLE IF NOT EXISTS cache.members (
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
  name_initials TEXT NOT NULL DEFAULT '',
  enable INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX IF NOT EXISTS cache.members_pinyin ON members(name_pinyin);
CREATE INDEX IF NOT EXISTS cache.members_initials ON members(name_initials);

CREATE TABLE IF NOT EXISTS cache.member_departments (
  userid TEXT NOT NULL REFERENCES members(userid) ON DELETE CASCADE,
  department_id INTEGER NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  is_leader INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (userid, department_id)
) STRICT;
CREATE INDEX IF NOT EXISTS cache.member_departments_dept ON member_departments(department_id);

CREATE TABLE IF NOT EXISTS cache.tags (
  tagid INTEGER PRIMARY KEY,
  tagname TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS cache.tag_members (
  tagid INTEGER NOT NULL REFERENCES tags(tagid) ON DELETE CASCADE,
  userid TEXT NOT NULL,
  PRIMARY KEY (tagid, userid)
) STRICT;

CREATE TABLE IF NOT EXISTS cache.tag_departments (
  tagid INTEGER NOT NULL REFERENCES tags(tagid) ON DELETE CASCADE,
  department_id INTEGER NOT NULL,
  PRIMARY KEY (tagid, department_id)
) STRICT;

CREATE TABLE IF NOT EXISTS cache.cache_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`;
