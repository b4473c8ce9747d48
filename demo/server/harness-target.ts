/**
 * Which Harness Shipyard talks to: the package's mock on a free localhost port by default, so the demo works
 * offline; `HARNESS_BASE_URL=https://app.harness.io` for real Harness.
 */
import { startHarnessMockServer, type HarnessMockServer } from '../../src/testing/node.ts';

export interface HarnessTarget {
  mode: 'mock' | 'harness';
  baseUrl: string;
  allowedHosts: string[];
  /**
   * The addresses this server calls Harness from, told to a person whose account's IP allow-list blocks
   * them (`SHIPYARD_EGRESS_IPS`, comma-separated; the mock is called from 127.0.0.1).
   */
  egressIps: string[];
  /** The running mock, in `mock` mode. */
  mock: HarnessMockServer | null;
}

const LOOPBACK = '127.0.0.1';

function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export async function startHarness(env: NodeJS.ProcessEnv): Promise<HarnessTarget> {
  const configured = env.HARNESS_BASE_URL?.trim();
  if (configured) {
    // A Harness cluster or a *.harness.io vanity host; anything else is refused by the verifier.
    return { mode: 'harness', baseUrl: configured, allowedHosts: [], egressIps: listOf(env.SHIPYARD_EGRESS_IPS), mock: null };
  }
  const mock = await startHarnessMockServer();
  return { mode: 'mock', baseUrl: mock.url, allowedHosts: [new URL(mock.url).host], egressIps: [LOOPBACK], mock };
}
