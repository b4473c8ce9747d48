/**
 * Shipyard "using Harness": the account's projects, listed from this server with the stored key
 * (`GET /ng/api/projects`, which needs `core_project_view`). The browser never calls Harness and never holds
 * the key; it gets the projects, or what went wrong in words.
 *
 * The call is made the way the package makes its own: the key in `x-api-key` (never in the URL), no
 * redirects followed (one would carry the key to another host), a timeout, and a bounded answer.
 */

/** A project as the Accounts page shows it. */
export interface HarnessProject {
  orgIdentifier: string;
  identifier: string;
  name: string;
  description: string;
  /** Harness modules enabled in the project, e.g. `CD`, `CI`. */
  modules: string[];
}

/** Why the projects could not be listed: each has its own words on the page. */
export type ProjectsProblem = 'key_refused' | 'not_permitted' | 'unavailable' | 'not_harness';

export type ProjectsResult = { ok: true; projects: HarnessProject[]; total: number } | { ok: false; problem: ProjectsProblem; status: number | null };

/** One page is enough for a demo; Harness caps a page at 100. */
const PAGE_SIZE = 50;

/** Harness answers in well under a second; beyond this assume it is not going to. */
const PROJECTS_TIMEOUT_MS = 15_000;

/** Harness's project list is a few KB; a far larger answer is not Harness's. */
const MAX_ANSWER_BYTES = 512 * 1024;

const HTTP_UNAUTHORIZED = 401;
const HTTP_FORBIDDEN = 403;
const HTTP_SERVER_ERROR = 500;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The projects in Harness's `{ status: 'SUCCESS', data: { content: [{ project }] } }`, or `null` for any other shape. */
function readProjects(body: unknown): { projects: HarnessProject[]; total: number } | null {
  if (!isObject(body) || body.status !== 'SUCCESS' || !isObject(body.data) || !Array.isArray(body.data.content)) return null;
  const projects: HarnessProject[] = [];
  for (const item of body.data.content) {
    if (!isObject(item) || !isObject(item.project)) continue;
    const { orgIdentifier, identifier, name, description, modules } = item.project;
    if (typeof identifier !== 'string') continue;
    projects.push({
      orgIdentifier: text(orgIdentifier),
      identifier,
      name: text(name) || identifier,
      description: text(description),
      modules: Array.isArray(modules) ? modules.filter((module): module is string => typeof module === 'string') : [],
    });
  }
  const total = typeof body.data.totalItems === 'number' ? body.data.totalItems : projects.length;
  return { projects, total };
}

/** The body as text, or `null` once it passes `maxBytes` (the rest is not downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What an unsuccessful HTTP status means for the person. */
function problemOf(status: number): ProjectsProblem {
  if (status === HTTP_UNAUTHORIZED) return 'key_refused';
  if (status === HTTP_FORBIDDEN) return 'not_permitted';
  if (status >= HTTP_SERVER_ERROR) return 'unavailable';
  return 'not_harness';
}

export interface ListProjectsOptions {
  accountId: string;
  /** The Harness origin the route verifies against (already checked to be allowed). */
  baseUrl: string;
  signal?: AbortSignal;
}

/** Lists the account's projects with `apiKey`. Never rejects for Harness's answers; only for an abort. */
export async function listHarnessProjects(apiKey: string, { accountId, baseUrl, signal }: ListProjectsOptions): Promise<ProjectsResult> {
  const query = new URLSearchParams({ accountIdentifier: accountId, routingId: accountId, pageSize: String(PAGE_SIZE) });
  const timeout = AbortSignal.timeout(PROJECTS_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(`${new URL(baseUrl).origin}/ng/api/projects?${query}`, {
      headers: { 'x-api-key': apiKey, accept: 'application/json' },
      redirect: 'manual',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, problem: 'unavailable', status: null };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, problem: problemOf(response.status), status: response.status };
  }
  let body: unknown;
  try {
    const raw = await readCapped(response, MAX_ANSWER_BYTES);
    body = raw === null ? null : JSON.parse(raw);
  } catch (error) {
    if (signal?.aborted) throw error;
    body = null;
  }
  const read = readProjects(body);
  return read === null ? { ok: false, problem: 'not_harness', status: response.status } : { ok: true, ...read };
}
