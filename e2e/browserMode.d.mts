import type { Browser } from 'playwright-core';

export const root: string;

export interface Served {
  url: string;
  origin: string;
  dataDir: string;
  stop(): void;
}

export function serve(dataDir?: string): Promise<Served>;
export function launchChromium(): Promise<Browser>;
