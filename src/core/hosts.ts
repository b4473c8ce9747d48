import { ownOption } from './own-option.js';
import { HarnessConnectError } from './errors.js';

/**
 * Where an API key may be sent. A key is a bearer secret: sent to the wrong host it is given away, so the
 * verifier only talks to Harness's own clusters, `*.harness.io` vanity hosts, or hosts the integrator
 * lists for a self-managed install (or a local mock).
 */

/** The default base: Harness SaaS Prod1/Prod2. */
export const DEFAULT_HARNESS_BASE_URL = 'https://app.harness.io';

/** Harness SaaS clusters (shared harness-api.md, "Hosts"). */
export const HARNESS_CLUSTER_HOSTS = [
  'app.harness.io', // Prod1, Prod2
  'app3.harness.io', // Prod3
  'accounts.harness.io', // Prod0, Prod4
  'accounts.eu.harness.io', // EU
] as const;

/** Vanity hosts are `{company}.harness.io`; every cluster above is one too, so this one check covers both. */
const HARNESS_DOMAIN_SUFFIX = '.harness.io';

/** Hosts on this machine: the only ones plain `http:` may reach. */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** Harness's own tools also use `{base}/gateway` as the API base; any other path of a pasted URL is UI. */
const GATEWAY_PATH = /^\/gateway\/?$/;

export interface HarnessHostOptions {
  /**
   * Extra hosts the key may be sent to, for self-managed Harness or a local mock: `harness.acme.internal`,
   * `127.0.0.1:4010` (host with port) or `*.acme.internal` (any subdomain). Plain `http:` is accepted only
   * for a listed loopback host.
   */
  allowedHosts?: readonly string[];
}

/**
 * True when `url`'s host is a Harness cluster, a `*.harness.io` host, or listed by the integrator. An entry
 * with a port matches that host and port; without one, the host on any port.
 */
export function isAllowedHarnessHost(url: URL, options: HarnessHostOptions = {}): boolean {
  const { protocol, host, hostname } = url;
  const listed = (ownOption(options, 'allowedHosts') ?? []).some((entry) => {
    const pattern = entry.trim().toLowerCase();
    // `*.acme.internal` matches any host ending in `.acme.internal` (the pattern without its `*`).
    if (pattern.startsWith('*.')) return hostname.endsWith(pattern.slice('*'.length));
    return host === pattern || hostname === pattern;
  });
  // The URL parser lowercases hostnames and resolves tricks like `app.harness.io.evil.example` to that
  // full host, so a suffix check on the parsed hostname is exact.
  return protocol === 'http:'
    ? listed && LOOPBACK.test(hostname)
    : protocol === 'https:' && (listed || hostname.endsWith(HARNESS_DOMAIN_SUFFIX));
}

/**
 * Turns a configured or pasted base URL into the API base the verifier uses: only the origin (a pasted
 * UI address like `https://app.harness.io/ng/account/…/home` keeps `https://app.harness.io`), plus
 * `/gateway` when that is the path. Throws a `configuration` HarnessConnectError for anything else:
 * `javascript:` or `data:` URLs, credentials in the URL, plain `http:` to a non-local host, or a host
 * that is neither Harness's nor listed in `allowedHosts`.
 */
export function resolveHarnessBaseUrl(baseUrl: string | undefined, options: HarnessHostOptions = {}): string {
  let url: URL | undefined;
  try {
    url = new URL((baseUrl ?? DEFAULT_HARNESS_BASE_URL).trim());
  } catch {
    // Reported below with every other refusal.
  }
  if (url === undefined || url.username !== '' || url.password !== '' || !isAllowedHarnessHost(url, options)) {
    // Names the protocol and host, never the whole URL: it could hold a password.
    const what = url ? `${url.protocol}//${url.host}` : 'that value';
    throw new HarnessConnectError('configuration', {
      detail: `harness-connect: baseUrl ${what} refused. Use https on a Harness host, no credentials, or list the host in allowedHosts (http: local only).`,
    });
  }
  return url.origin + (GATEWAY_PATH.test(url.pathname) ? '/gateway' : '');
}
