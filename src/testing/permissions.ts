/**
 * The permission ids the mock's fixtures and routes use, as Harness names them (developer-hub's API
 * permissions reference). Written once so a route and a fixture cannot disagree on a spelling.
 */

/** Read the account's settings: `GET /ng/api/accounts/{id}` needs it. */
export const ACCOUNT_VIEW = 'core_account_view';
/** List and read projects: `GET /ng/api/projects` needs it. */
export const PROJECT_VIEW = 'core_project_view';
export const PIPELINE_VIEW = 'core_pipeline_view';
export const PIPELINE_EXECUTE = 'core_pipeline_execute';
