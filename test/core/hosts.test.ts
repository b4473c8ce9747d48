import { describe, expect, it } from 'vitest';
import {
  HARNESS_CONNECT_ERROR_MESSAGES,
  HarnessConnectError,
  resolveHarnessBaseUrl,
  type HarnessHostOptions,
} from '../../src/core/index.js';
import { DEFAULT_HARNESS_BASE_URL, HARNESS_CLUSTER_HOSTS, isAllowedHarnessHost } from '../../src/core/hosts.js';

function refusal(baseUrl: string | undefined, options?: HarnessHostOptions): HarnessConnectError {
  try {
    const resolved = resolveHarnessBaseUrl(baseUrl, options);
    throw new Error(`expected ${baseUrl} to be refused, got ${resolved}`);
  } catch (error) {
    if (!(error instanceof HarnessConnectError)) throw error;
    return error;
  }
}

describe('resolveHarnessBaseUrl: allowed', () => {
  it('defaults to app.harness.io', () => {
    expect(DEFAULT_HARNESS_BASE_URL).toBe('https://app.harness.io');
    expect(resolveHarnessBaseUrl(undefined)).toBe('https://app.harness.io');
  });

  it.each(HARNESS_CLUSTER_HOSTS.map((host) => [host]))('allows the cluster %s', (host) => {
    expect(resolveHarnessBaseUrl(`https://${host}`)).toBe(`https://${host}`);
    expect(resolveHarnessBaseUrl(`https://${host}/`)).toBe(`https://${host}`);
  });

  it('knows the four SaaS cluster hosts', () => {
    expect([...HARNESS_CLUSTER_HOSTS].sort()).toEqual(
      ['accounts.eu.harness.io', 'accounts.harness.io', 'app.harness.io', 'app3.harness.io'].sort(),
    );
  });

  it.each([
    ['a vanity host', 'https://acme.harness.io', 'https://acme.harness.io'],
    ['a nested vanity host', 'https://eu.acme.harness.io', 'https://eu.acme.harness.io'],
    ['upper case', 'HTTPS://APP.HARNESS.IO/', 'https://app.harness.io'],
    ['surrounding whitespace', '  https://app3.harness.io \n', 'https://app3.harness.io'],
    ['an explicit port', 'https://app.harness.io:8443', 'https://app.harness.io:8443'],
    ['the default port', 'https://app.harness.io:443/', 'https://app.harness.io'],
  ])('allows %s', (_name, input, expected) => {
    expect(resolveHarnessBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['the current UI', 'https://app.harness.io/ng/account/QckRHsqq_el0PWRb2kqkgU/home/get-started'],
    ['the hash-routed UI', 'https://app.harness.io/ng/#/account/QckRHsqq_el0PWRb2kqkgU/home'],
    ['a query and fragment', 'https://app.harness.io/ng/home?x=1#y'],
    ['an API path', 'https://app.harness.io/ng/api'],
    ['a path under gateway', 'https://app.harness.io/gateway/ng/api'],
    ['the delegate path', 'https://app.harness.io/gratis'],
  ])('keeps only the origin of %s', (_name, input) => {
    expect(resolveHarnessBaseUrl(input)).toBe('https://app.harness.io');
  });

  it.each([
    ['https://app.harness.io/gateway', 'https://app.harness.io/gateway'],
    ['https://app.harness.io/gateway/', 'https://app.harness.io/gateway'],
    ['https://accounts.eu.harness.io/gateway?x=1', 'https://accounts.eu.harness.io/gateway'],
  ])('keeps /gateway: %s', (input, expected) => {
    expect(resolveHarnessBaseUrl(input)).toBe(expected);
  });
});

describe('resolveHarnessBaseUrl: refused', () => {
  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,x'],
    ['file:', 'file:///etc/passwd'],
    ['ftp:', 'ftp://app.harness.io'],
    ['ws:', 'wss://app.harness.io'],
    ['plain http to Harness', 'http://app.harness.io'],
    ['plain http to a vanity host', 'http://acme.harness.io'],
    ['another host', 'https://evil.example'],
    ['a Harness host as a subdomain of another', 'https://app.harness.io.evil.example'],
    ['a look-alike domain', 'https://evilharness.io'],
    ['a look-alike domain with dash', 'https://evil-harness.io'],
    ['harness.io itself', 'https://harness.io'],
    ['a trailing dot', 'https://app.harness.io.'],
    ['user and password', 'https://user:pw@app.harness.io'],
    ['a user name only', 'https://user@app.harness.io'],
    ['a Harness host as user name', 'https://app.harness.io@evil.example'],
    ['a backslash trick', 'https://evil.example\\.harness.io'],
    ['not a URL', 'not a url'],
    ['a bare host without scheme', 'app.harness.io'],
    ['the empty string', ''],
    ['a relative path', '/ng/api'],
    ['localhost without allowedHosts', 'http://localhost:4010'],
    ['127.0.0.1 over https without allowedHosts', 'https://127.0.0.1:4010'],
  ])('%s', (_name, input) => {
    const error = refusal(input);
    expect(error.code).toBe('configuration');
    expect(error.message).toBe(HARNESS_CONNECT_ERROR_MESSAGES.configuration);
    expect(error.message).not.toMatch(/baseUrl|allowedHosts|https?:/);
    expect(error.detail).toMatch(/^harness-connect: /);
    expect(error.field).toBeNull();
    expect(error.retryable).toBe(false);
  });

  it('names the refused host in the detail, for the developer', () => {
    expect(refusal('https://evil.example/path').detail).toContain('evil.example');
    expect(refusal('https://evil.example').detail).toContain('allowedHosts');
    expect(refusal('javascript:alert(1)').detail).toContain('javascript:');
    expect(refusal('http://app.harness.io').detail).toMatch(/http/);
  });

  it('never repeats a password from the URL in the detail', () => {
    const error = refusal('https://user:hunter2secret@app.harness.io');
    expect(error.detail).not.toContain('hunter2secret');
    expect(JSON.stringify(error)).not.toContain('hunter2secret');
  });
});

describe('resolveHarnessBaseUrl: allowedHosts', () => {
  it('allows an exact listed host on any port', () => {
    const options = { allowedHosts: ['harness.acme.internal'] };
    expect(resolveHarnessBaseUrl('https://harness.acme.internal', options)).toBe('https://harness.acme.internal');
    expect(resolveHarnessBaseUrl('https://harness.acme.internal:8443/ng/account/x/home', options)).toBe(
      'https://harness.acme.internal:8443',
    );
    expect(refusal('https://other.acme.internal', options).code).toBe('configuration');
    expect(refusal('https://sub.harness.acme.internal', options).code).toBe('configuration');
  });

  it('matches a listed host case-insensitively and ignoring spaces', () => {
    expect(resolveHarnessBaseUrl('https://harness.acme.internal', { allowedHosts: ['  Harness.ACME.internal '] })).toBe(
      'https://harness.acme.internal',
    );
  });

  it('allows host:port only on that port', () => {
    const options = { allowedHosts: ['harness.acme.internal:8443'] };
    expect(resolveHarnessBaseUrl('https://harness.acme.internal:8443', options)).toBe('https://harness.acme.internal:8443');
    expect(refusal('https://harness.acme.internal:9443', options).code).toBe('configuration');
    expect(refusal('https://harness.acme.internal', options).code).toBe('configuration');
  });

  it('allows any subdomain for *.acme.internal, but not the bare domain nor a look-alike', () => {
    const options = { allowedHosts: ['*.acme.internal'] };
    expect(resolveHarnessBaseUrl('https://harness.acme.internal', options)).toBe('https://harness.acme.internal');
    expect(resolveHarnessBaseUrl('https://a.b.acme.internal/gateway', options)).toBe('https://a.b.acme.internal/gateway');
    expect(refusal('https://acme.internal', options).code).toBe('configuration');
    expect(refusal('https://evilacme.internal', options).code).toBe('configuration');
    expect(refusal('https://acme.internal.evil.example', options).code).toBe('configuration');
  });

  it('still allows Harness hosts when allowedHosts is set', () => {
    expect(resolveHarnessBaseUrl('https://app.harness.io', { allowedHosts: ['harness.acme.internal'] })).toBe(
      'https://app.harness.io',
    );
  });

  it('refuses plain http to a listed host that is not loopback', () => {
    const error = refusal('http://harness.acme.internal', { allowedHosts: ['harness.acme.internal'] });
    expect(error.code).toBe('configuration');
    expect(error.detail).toMatch(/^harness-connect: .*http/);
  });

  it('refuses plain http to app.harness.io even when listed', () => {
    expect(refusal('http://app.harness.io', { allowedHosts: ['app.harness.io'] }).code).toBe('configuration');
  });

  it('allows plain http to a listed loopback host (a local mock)', () => {
    expect(resolveHarnessBaseUrl('http://127.0.0.1:4010', { allowedHosts: ['127.0.0.1:4010'] })).toBe('http://127.0.0.1:4010');
    expect(resolveHarnessBaseUrl('http://localhost:4010/gateway', { allowedHosts: ['localhost'] })).toBe(
      'http://localhost:4010/gateway',
    );
    expect(resolveHarnessBaseUrl('http://[::1]:4010', { allowedHosts: ['[::1]:4010'] })).toBe('http://[::1]:4010');
    expect(resolveHarnessBaseUrl('http://127.0.0.2:4010', { allowedHosts: ['127.0.0.2'] })).toBe('http://127.0.0.2:4010');
  });

  it('refuses http to a loopback host on another port than the listed one', () => {
    expect(refusal('http://127.0.0.1:5000', { allowedHosts: ['127.0.0.1:4010'] }).code).toBe('configuration');
  });

  it('refuses http to an unlisted loopback host', () => {
    expect(refusal('http://localhost:4010', { allowedHosts: ['127.0.0.1'] }).code).toBe('configuration');
  });

  it('refuses credentials even on a listed host', () => {
    expect(refusal('http://u:p@127.0.0.1:4010', { allowedHosts: ['127.0.0.1:4010'] }).code).toBe('configuration');
  });

  it('refuses javascript: even if someone lists it', () => {
    expect(refusal('javascript:alert(1)', { allowedHosts: ['*', 'alert(1)'] }).code).toBe('configuration');
  });
});

describe('isAllowedHarnessHost', () => {
  it.each([
    ['https://app.harness.io', true],
    ['https://app3.harness.io/x', true],
    ['https://accounts.harness.io', true],
    ['https://accounts.eu.harness.io', true],
    ['https://acme.harness.io', true],
    ['http://app.harness.io', false],
    ['https://app.harness.io.evil.example', false],
    ['https://evilharness.io', false],
    ['https://harness.io', false],
    ['https://evil.example', false],
    ['ftp://app.harness.io', false],
    ['http://localhost:4010', false],
  ])('%s → %s', (input, expected) => {
    expect(isAllowedHarnessHost(new URL(input))).toBe(expected);
  });

  it('reads allowedHosts', () => {
    expect(isAllowedHarnessHost(new URL('http://localhost:4010'), { allowedHosts: ['localhost:4010'] })).toBe(true);
    expect(isAllowedHarnessHost(new URL('http://localhost:4011'), { allowedHosts: ['localhost:4010'] })).toBe(false);
    expect(isAllowedHarnessHost(new URL('https://x.acme.internal'), { allowedHosts: ['*.acme.internal'] })).toBe(true);
    expect(isAllowedHarnessHost(new URL('http://x.acme.internal'), { allowedHosts: ['*.acme.internal'] })).toBe(false);
  });
});
