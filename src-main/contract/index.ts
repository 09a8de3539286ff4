export * from './errors';
export * from './events';
export * from './org';
export * from './org-edit';
export * from './procedures';
export * from './settings';
export * from './outbox';
export * from './push';
