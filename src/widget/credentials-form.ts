/**
 * The credentials form's values and its one resolver. The resolver runs the core's
 * `checkHarnessCredentials` (the same function the verifier and the server run, so they can never disagree)
 * and hands react-hook-form each issue as it is: the problem code as the error's `type`, the core's English
 * sentence as its `message`. The view picks the catalogue's words by problem code.
 */
import type { Resolver, UseFormReturn } from 'react-hook-form';
import { checkHarnessCredentials, RECONNECT_ACCOUNT_MISMATCH_MESSAGE, type HarnessCredentials } from '../core/credentials.js';
import type { HarnessCredentialField } from '../core/errors.js';

/** What the two inputs hold, as typed. */
export interface CredentialsFormValues {
  apiKey: string;
  accountId: string;
}

/** The form: typed values in, cleaned credentials out (the account id read from the key when none was typed). */
export type CredentialsForm = UseFormReturn<CredentialsFormValues, unknown, HarnessCredentials>;

/**
 * The form's resolver. With `expectedAccountId` (a reconnect: the account field holds it and is read-only),
 * a key carrying another account is refused at the API Key field, before any request.
 */
export function credentialsResolver(expectedAccountId?: string): Resolver<CredentialsFormValues, unknown, HarnessCredentials> {
  return (values) => {
    const check = checkHarnessCredentials(values);
    if (check.ok) return { values: check.credentials, errors: {} };
    const errors: Partial<Record<HarnessCredentialField, { type: string; message: string }>> = {};
    for (const { field, problem, message } of check.issues) {
      if (expectedAccountId !== undefined && problem === 'account_mismatch') {
        // The account is fixed, so the key is what to change: told at the API Key field, naming both accounts.
        errors.apiKey = { type: 'other_account', message: RECONNECT_ACCOUNT_MISMATCH_MESSAGE };
      } else {
        errors[field] = { type: problem, message };
      }
    }
    return { values: {}, errors };
  };
}
