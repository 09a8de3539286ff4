import type { Issue } from '../contract';
import { paramsOf, type RuleIssue } from './issue-codes';
import { isIssueCode, issueMessage } from './issue-messages.zh-CN';

/**
 * The contract's field schemas (DeptName, Mobile…) are where the single-field formats are written: the
 * wire is checked by them at dispatch. Their messages are issue codes, so whoever meets a schema failure
 * (dispatch, main's validation, the renderer's forms) renders it here with the one catalogue.
 * Typed structurally so this leaf needs no zod.
 */
export interface SchemaIssueLike {
  code: string;
  message: string;
  path: readonly PropertyKey[];
  maximum?: number | bigint;
  params?: Record<string, unknown>;
}

export interface SchemaLike {
  safeParse(value: unknown): { success: boolean; error?: { issues: readonly SchemaIssueLike[] } };
}

/** The rule issue a schema failure stands for, or null when its message is not one of our codes. */
export function fromSchemaIssue(zi: SchemaIssueLike): RuleIssue | null {
  if (!isIssueCode(zi.message)) return null;
  const params: Record<string, unknown> = { ...zi.params };
  // Length and count limits come from the schema itself, so the text always quotes the real limit.
  if (zi.code === 'too_big' && typeof zi.maximum === 'number') params.max = zi.maximum;
  return { ...params, code: zi.message } as RuleIssue;
}

/** Issues of one value against a contract schema; a failure without a code reads as a format problem. */
export function schemaIssues(schema: SchemaLike, value: unknown): RuleIssue[] {
  const r = schema.safeParse(value);
  if (r.success || !r.error) return [];
  return r.error.issues.map(
    (zi) => fromSchemaIssue(zi) ?? { code: 'op.fieldFormat', path: zi.path.map(String).join('.') },
  );
}

/** One issue as it travels in details.issues: the text for the clerk plus the code for programs. */
export function wireIssue(path: string, i: RuleIssue): Issue {
  return { path, message: issueMessage(i), code: i.code, params: paramsOf(i) };
}

/** A schema failure at the trust boundary: rendered when it carries a code, else passed through. */
export function wireIssueFromSchema(zi: SchemaIssueLike): Issue {
  const path = zi.path.map(String).join('.');
  const i = fromSchemaIssue(zi);
  return i ? wireIssue(path, i) : { path, message: zi.message };
}
