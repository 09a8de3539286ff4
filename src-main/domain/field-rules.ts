import { DeptName, Email, MemberName, Mobile, TagName, Telephone, Userid } from '../contract';
import type { RuleIssue } from './issue-codes';
import { schemaIssues } from './schema-issues';

/**
 * WeCom's single-field rules by name. The formats themselves are the contract's schemas (one
 * definition, also enforced at the trust boundary); these give them a plain call for checks and tests.
 */

/** 1–64 characters, none of \ : * ? " < > | (API.md §2.1). */
export const checkDeptName = (name: string): RuleIssue[] => schemaIssues(DeptName, name);
/** 1–64 bytes of [0-9A-Za-z_-@.], starting with a letter or digit. */
export const checkUserid = (userid: string): RuleIssue[] => schemaIssues(Userid, userid);
/** 1–64 characters. */
export const checkMemberName = (name: string): RuleIssue[] => schemaIssues(MemberName, name);
/** Optional; at most 32 of digits, +, - and spaces. */
export const checkMobile = (mobile: string): RuleIssue[] => schemaIssues(Mobile, mobile);
/** Optional; 6–64 characters shaped like an address. */
export const checkEmail = (email: string): RuleIssue[] => schemaIssues(Email, email);
/** Optional; at most 32 of digits, +, - and ,. */
export const checkTelephone = (tel: string): RuleIssue[] => schemaIssues(Telephone, tel);
/** 1–32 characters (API.md §2.3). */
export const checkTagName = (name: string): RuleIssue[] => schemaIssues(TagName, name);
