/**
 * What a health check's status means on the Accounts page: a short label, a sentence saying what to do, and
 * whether the connection needs the person (a reconnect) or only another try later. Harness being unreachable
 * never marks a connection broken: nothing was learnt about the key.
 */
import type { LastCheck, LinkedAccount } from './api.ts';

export type HealthTone = 'ok' | 'warning' | 'danger' | 'neutral';

interface HealthText {
  label: string;
  tone: HealthTone;
  needsReconnect: boolean;
  says: (check: LastCheck) => string;
}

function missingLabels(check: LastCheck): string {
  const labels = check.missing.map((requirement) => requirement.label ?? requirement.permission);
  return labels.length > 0 ? new Intl.ListFormat('en', { type: 'conjunction' }).format(labels) : 'a permission Shipyard needs';
}

export const HEALTH: Record<LastCheck['status'], HealthText> = {
  ok: { label: 'OK', tone: 'ok', needsReconnect: false, says: () => 'The key works and may do what Shipyard needs.' },
  expiring: {
    label: 'Expires soon',
    tone: 'warning',
    needsReconnect: false,
    says: () => 'The key works, but expires soon. Reconnect with a key that lives longer.',
  },
  expired: {
    label: 'Expired',
    tone: 'danger',
    needsReconnect: true,
    says: () => 'Harness says the key has expired. Reconnect with a new key.',
  },
  revoked: {
    label: 'Revoked',
    tone: 'danger',
    needsReconnect: true,
    says: () => 'Harness says the key was revoked. Reconnect with a new key.',
  },
  invalid: {
    label: 'Key refused',
    tone: 'danger',
    needsReconnect: true,
    says: () =>
      'Harness refuses the key (deleted, a disabled user, an inactive account or an IP allow-list). Reconnect with a new key, or ask a Harness admin.',
  },
  permissions_missing: {
    label: 'Missing permissions',
    tone: 'danger',
    needsReconnect: true,
    says: (check) =>
      `The key may no longer: ${missingLabels(check)}. Ask a Harness admin for a role that grants it, or reconnect with another key.`,
  },
  unreachable: {
    label: 'Not checked',
    tone: 'neutral',
    needsReconnect: false,
    says: () => 'Harness could not be reached, so nothing was learnt about the key. Check again later.',
  },
};

/** The account's standing, for the badge beside its name. */
export function standingOf(account: LinkedAccount): { label: string; tone: HealthTone } {
  const health = HEALTH[account.lastCheck.status];
  if (health.needsReconnect) return { label: 'Needs reconnect', tone: 'danger' };
  if (account.lastCheck.status === 'expiring') return { label: 'Expires soon', tone: 'warning' };
  if (account.lastCheck.status === 'unreachable') return { label: 'Unknown', tone: 'neutral' };
  return { label: 'Healthy', tone: 'ok' };
}
