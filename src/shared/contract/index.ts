export * from './commands';
export * from './events';
export * from './result';
export * from './training';
export * from './client';
export * from './dispatch';
