import * as z from 'zod/mini';
import { checkHarnessCredentials, type HarnessCredentials, type HarnessCredentialsInput } from './credentials.js';

/**
 * The form's schema (zod/mini: classic zod would add about 90 KB gzip to the widget). Its input is what
 * the person typed; its output is the cleaned credentials, so a resolver hands the submit handler the
 * token as Harness expects it and the account id taken from the token when none was typed.
 *
 * Each issue sits on the field to fix (`path: ['apiKey']` or `['accountId']`) with `params.problem`
 * set to the `HarnessCredentialsProblem` (for example `account_mismatch`).
 */
export const harnessCredentialsSchema = z.pipe(
  z.object({
    apiKey: z.string(),
    accountId: z.optional(z.string()),
  }),
  z.transform((value: HarnessCredentialsInput, payload): HarnessCredentials => {
    const check = checkHarnessCredentials(value);
    if (check.ok) return check.credentials;
    for (const issue of check.issues) {
      payload.issues.push({
        code: 'custom',
        path: [issue.field],
        message: issue.message,
        // Never the typed value: issues end up in form state and error reports, and this may be the secret.
        input: undefined,
        params: { problem: issue.problem },
      });
    }
    return z.NEVER;
  }),
);

export type HarnessCredentialsSchemaInput = z.input<typeof harnessCredentialsSchema>;
export type HarnessCredentialsSchemaOutput = z.output<typeof harnessCredentialsSchema>;
