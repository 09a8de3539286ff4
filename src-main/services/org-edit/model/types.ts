/**
 * The cache shapes moved to the domain leaf (shared with db/ and the renderer); re-exported here so
 * the model's public surface (model/index.ts) is unchanged.
 */
export * from '../../../domain/org-cache';
export { sameMember } from '../../../domain/member-fields';
