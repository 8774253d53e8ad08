export * from './default-pull-policy.ts';
export * from './reference.ts';
