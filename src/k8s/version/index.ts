export * from './feature-gates.ts';
export * from './kube-version.ts';
