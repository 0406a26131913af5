import type { Browser } from 'playwright-core';

export const root: string;

export interface Served {
  url: string;
  origin: string;
  dataDir: string;
  stop(): void;
}

export function serve(dataDir?: string): Promise<Served>;
export const chromiumPath: string;
export const chromiumArgs: string[];
export function launchChromium(): Promise<Browser>;
