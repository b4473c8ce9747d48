/**
 * The view for a key Harness accepted but that cannot do what the host needs (`missing_permissions`): which
 * account and who was checked, each missing permission in plain words, what to ask a Harness admin for, and
 * two ways on: another key, or the same key again once an admin has granted the role.
 */
import type { HarnessConnectError } from '../core/errors.js';
import type { HarnessPermissionRequirement } from '../core/permissions.js';
import { useI18n, withoutBidiControls, type I18n } from './i18n/index.js';
import { WarningIcon } from './icons.js';
import { WholeIds } from './whole-ids.js';

export interface PermissionsViewProps {
  titleId: string;
  /** The `missing_permissions` error: its `missing`, `accountName` and `principal`. */
  error: HarnessConnectError;
  /** The account the key was checked in (the form's). */
  accountId: string;
  onUseAnotherKey: () => void;
  onCheckAgain: () => void;
}

/** Where a requirement must hold, in words: the whole account, an organisation, or a project in one. */
function scopeText(requirement: HarnessPermissionRequirement, { t, f }: Pick<I18n, 't' | 'f'>): string {
  const org = requirement.scope?.orgIdentifier;
  const project = requirement.scope?.projectIdentifier;
  if (project !== undefined) return f(t.permissionScope.project, { project, org: org ?? '' });
  if (org !== undefined) return f(t.permissionScope.org, { org });
  return t.permissionScope.account;
}

/** One missing permission: the host's label, else Harness's permission id and resource type. */
function MissingPermission({ requirement }: { requirement: HarnessPermissionRequirement }) {
  const i18n = useI18n('MissingPermission');
  return (
    <li>
      {requirement.label !== undefined ? (
        <bdi>{withoutBidiControls(requirement.label)}</bdi>
      ) : (
        <>
          <code dir="ltr">{requirement.permission}</code> (<code dir="ltr">{requirement.resourceType}</code>)
        </>
      )}{' '}
      <span className="kind">{scopeText(requirement, i18n)}</span>
    </li>
  );
}

export function PermissionsView({ titleId, error, accountId, onUseAnotherKey, onCheckAgain }: PermissionsViewProps) {
  const { t, f } = useI18n('PermissionsView');
  const principal = error.principal;
  const who = principal?.name ?? (principal ? t.thisPrincipal[principal.kind] : t.thisPrincipal.user);
  const account = error.accountName ?? accountId;
  return (
    <section className="step" part="step permissions" aria-labelledby={titleId} data-step="permissions">
      <h3 id={titleId} part="step-title">
        {f(t.permissionsTitle)}
      </h3>
      <div role="alert" className="callout" part="callout warning" data-tone="warning">
        <WarningIcon />
        <div>
          <p>
            <WholeIds text={f(t.permissionsChecked, { who, account })} ids={[accountId]} />
          </p>
          <ul className="missing" part="missing">
            {(error.missing ?? []).map((requirement, index) => (
              <MissingPermission key={index} requirement={requirement} />
            ))}
          </ul>
        </div>
      </div>
      <p>{f(t.permissionsAsk, { who })}</p>
      <div className="actions" part="actions">
        <button type="button" className="start" part="button" onClick={onUseAnotherKey}>
          {t.useAnotherKey}
        </button>
        <button type="button" part="button primary" data-variant="primary" data-autofocus="" onClick={onCheckAgain}>
          {t.checkAgain}
        </button>
      </div>
    </section>
  );
}
