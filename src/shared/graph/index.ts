export * from './document';
export * from './messages';
export * from './migrate';
