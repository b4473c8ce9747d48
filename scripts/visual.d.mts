import type { Page } from 'playwright-core';

export declare const AXE_SOURCE_PATH: string;
export declare const AXE_DISABLED_RULES: readonly string[];

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}
export declare function serveStatic(dir: string): Promise<StaticServer>;

export declare function settle(page: Page): Promise<void>;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}
export declare function runAxe(page: Page, options?: { exclude?: readonly string[] }): Promise<AxeViolation[]>;
