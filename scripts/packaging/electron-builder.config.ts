// The packaging configuration moved to resources/ beside the app icon; kept for test/fuses.test.ts.
export { default } from '../../resources/electron-builder.config';
