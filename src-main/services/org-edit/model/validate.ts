import type { z } from 'zod';
import { ChangeOp } from '../../../contract/org-edit';
import { issue, type RuleIssue } from '../../../domain/issue-codes';
import { fromSchemaIssue } from '../../../domain/schema-issues';
import { OpCheck, type Issue } from './validate-check';
import { checkDeptCreate, checkDeptDelete, checkDeptUpdate } from './validate-depts';
import { checkMemberCreate, checkMemberUpdate, missingMember } from './validate-members';
import { checkTagMembers, checkTagName, requireTag } from './validate-tags';
import type { WorkingCopy } from './working-copy';

export { wireIssues, type Issue } from './validate-check';

/**
 * Checks staged ops before they are accepted: WeCom's own rules (API.md §2) plus the hospital's (fixed
 * top groups), so a clerk learns about a problem while editing and not halfway through a push. Main is
 * the authority; the rules are the domain's, which the renderer also runs for its live hints, and the
 * words come from the one catalogue (domain/issue-messages.zh-CN.ts).
 */

/** Codes that mean "the op has the wrong shape": its semantics cannot be checked, nor can it be applied. */
const STRUCTURAL_CODES = new Set([
  'invalid_type',
  'invalid_union',
  'invalid_value',
  'unrecognized_keys',
  'invalid_key',
]);
/** Identity fields: a wrong value there (e.g. a positive id for a local creation) must not be applied. */
const IDENTITY_FIELDS = new Set(['type', 'id', 'tagid', 'parentid', 'order']);

/** A schema failure as a rule issue: the contract's own code, else a generic one naming the field. */
function schemaIssue(zi: z.core.$ZodIssue, path: string): RuleIssue {
  const known = fromSchemaIssue(zi);
  if (known) return known;
  if (zi.code === 'invalid_type') return issue('op.fieldMissing', { path });
  // Creations need a negative local id; zod reports `.negative()` as too_big (must be < 0).
  if (zi.code === 'too_big' && path === 'id') return issue('op.localIdNotNegative', { entity: 'department' });
  if (zi.code === 'too_big' && path === 'tagid') return issue('op.localIdNotNegative', { entity: 'tag' });
  if (zi.code === 'too_big') return issue('op.fieldTooBig', { path });
  if (zi.code === 'invalid_union') return issue('op.unknownType');
  return issue('op.fieldFormat', { path });
}

/**
 * Validates ops in order, each against the working copy as it would be after the previous ones of the
 * batch (they are applied to wc inside withScratch and rolled back, so wc is unchanged afterwards).
 * An op with a blocking problem (missing entity, cycle, depth) is not applied, so later ops that depend
 * on it report their own problem; format problems (a bad name) do not block, to avoid cascades.
 */
export function validateOps(wc: WorkingCopy, ops: readonly unknown[]): Issue[] {
  const issues: Issue[] = [];
  wc.withScratch((s) => {
    ops.forEach((raw, i) => {
      const c = new OpCheck(i);
      const parsed = ChangeOp.safeParse(raw);
      let op: ChangeOp | null = parsed.success ? parsed.data : null;
      if (!parsed.success) {
        let structural = false;
        for (const zi of parsed.error.issues) {
          const path = zi.path.map(String).join('.');
          const isStructural = STRUCTURAL_CODES.has(zi.code) || IDENTITY_FIELDS.has(String(zi.path[0]));
          if (isStructural) structural = true;
          c.add(path, schemaIssue(zi, path), isStructural);
        }
        // Only content problems (length, characters): the shape is right, so keep checking semantics.
        if (!structural) op = raw as ChangeOp;
      }
      if (op) {
        checkOp(s, op, c);
        if (!c.hard) s.apply(op);
      }
      issues.push(...c.issues);
    });
  });
  return issues;
}

function checkOp(s: WorkingCopy, op: ChangeOp, c: OpCheck): void {
  switch (op.type) {
    case 'dept.create':
      return checkDeptCreate(s, op, c);
    case 'dept.update':
      return checkDeptUpdate(s, op, c);
    case 'dept.delete':
      return checkDeptDelete(s, op.id, c);
    case 'member.create':
      return checkMemberCreate(s, op.userid, op.fields, c);
    case 'member.update':
      return checkMemberUpdate(s, op.userid, op.fields, c);
    case 'member.delete':
      if (!s.member(op.userid)) c.add('userid', missingMember(s, op.userid), true);
      return;
    case 'tag.create':
      if (s.tag(op.tagid, { includeDeleted: true }))
        c.add('tagid', issue('tag.idTaken', { tagid: op.tagid }), true);
      checkTagName(s, op.tagname, null, c);
      return;
    case 'tag.update':
      if (requireTag(s, op.tagid, c)) checkTagName(s, op.tagname, op.tagid, c);
      return;
    case 'tag.delete':
      requireTag(s, op.tagid, c);
      return;
    case 'tag.addMembers':
    case 'tag.removeMembers':
      return checkTagMembers(s, op, c);
  }
}
