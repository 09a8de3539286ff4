import { sql as m001 } from './001-org-cache';
import { sql as m002 } from './002-settings';
import { sql as m003 } from './003-org-edit';
import { sql as m004 } from './004-cache-apart';
import { sql as m005 } from './005-corp-outbox';
import { sql as m006 } from './006-audit-actor';
import { sql as m007 } from './007-notices';

/** Append-only: never edit or reorder an entry that has shipped; add a new one instead. */
export const migrations: ReadonlyArray<{ name: string; sql: string }> = [
  { name: '001-org-cache', sql: m001 },
  { name: '002-settings', sql: m002 },
  { name: '003-org-edit', sql: m003 },
  { name: '004-cache-apart', sql: m004 },
  { name: '005-corp-outbox', sql: m005 },
  { name: '006-audit-actor', sql: m006 },
  { name: '007-notices', sql: m007 },
];
