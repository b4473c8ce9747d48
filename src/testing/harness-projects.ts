/**
 * `GET /ng/api/projects`: a few realistic projects per fixture account, in Harness's paginated envelope,
 * so a demo can show that a stored key really works ("list my Harness projects").
 */
import { errorResponse, successResponse } from './harness-envelopes.js';
import { HARNESS_FIXTURE_ACCOUNTS } from './fixtures.js';
import type { StoredToken } from './harness-store.js';
import { PROJECT_VIEW } from './permissions.js';

/** A project, as Harness's `ProjectDTO` has it. */
interface StoredProject {
  orgIdentifier: string;
  identifier: string;
  name: string;
  description: string;
  color: string;
  modules: readonly string[];
  tags: Readonly<Record<string, string>>;
  createdAt: number;
  lastModifiedAt: number;
}

/** Harness's default page size for list endpoints. */
const DEFAULT_PAGE_SIZE = 50;
/** Harness refuses larger pages on its list endpoints. */
const MAX_PAGE_SIZE = 100;

/** Every account starts with an organisation called `default`; most projects live there. */
const DEFAULT_ORG = 'default';

const A = HARNESS_FIXTURE_ACCOUNTS;
const utc = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/** A project in the `default` org with no tags unless given; dates are ISO days. */
const project = (
  fields: Omit<StoredProject, 'orgIdentifier' | 'tags' | 'createdAt' | 'lastModifiedAt'> &
    Partial<Pick<StoredProject, 'orgIdentifier' | 'tags'>> & { created: string; modified: string },
): StoredProject => {
  const { created, modified, orgIdentifier = DEFAULT_ORG, tags = {}, ...rest } = fields;
  return { ...rest, orgIdentifier, tags, createdAt: utc(created), lastModifiedAt: utc(modified) };
};

/** Projects by account identifier. An account missing here has none (an empty page). */
const PROJECTS: ReadonlyMap<string, readonly StoredProject[]> = new Map([
  [
    A.primary.id,
    [
      project({
        identifier: 'payments_api',
        name: 'Payments API',
        description: 'Card and invoice services',
        color: '#0063f7',
        modules: ['CD', 'CI'],
        tags: { team: 'payments' },
        created: '2024-02-12',
        modified: '2025-10-03',
      }),
      project({
        identifier: 'web_storefront',
        name: 'Web Storefront',
        description: 'The public shop front',
        color: '#e43326',
        modules: ['CD', 'CI', 'CF'],
        created: '2024-05-30',
        modified: '2025-11-18',
      }),
      project({
        orgIdentifier: 'analytics',
        identifier: 'data_platform',
        name: 'Data Platform',
        description: 'Warehouse loads and nightly jobs',
        color: '#3dc7f6',
        modules: ['CI'],
        created: '2025-01-08',
        modified: '2025-09-27',
      }),
    ],
  ],
  [
    A.other.id,
    [
      project({
        identifier: 'route_planner',
        name: 'Route Planner',
        description: 'Delivery routing engine',
        color: '#1fc76b',
        modules: ['CD'],
        created: '2024-08-19',
        modified: '2025-12-01',
      }),
      project({
        identifier: 'driver_app',
        name: 'Driver App',
        description: 'The drivers\u2019 mobile app',
        color: '#ffb020',
        modules: ['CI', 'CD'],
        created: '2025-03-02',
        modified: '2025-12-14',
      }),
    ],
  ],
  [
    A.restricted.id,
    [
      project({
        identifier: 'tps_reports',
        name: 'TPS Reports',
        description: 'Report cover sheets',
        color: '#6b6d85',
        modules: ['CD'],
        created: '2023-11-01',
        modified: '2025-06-06',
      }),
    ],
  ],
  [
    A.aclUnavailable.id,
    [
      project({
        identifier: 'nucleus',
        name: 'Nucleus',
        description: 'Compression platform',
        color: '#9b51e0',
        modules: ['CI', 'CD', 'STO'],
        created: '2024-04-01',
        modified: '2025-08-08',
      }),
    ],
  ],
]);

/** A non-negative integer query parameter, its default when absent, or null when it is not one. */
function integerParam(url: URL, name: string, fallback: number): number | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/**
 * Answers `GET /ng/api/projects` for the token's account: 403 NG_ACCESS_DENIED without
 * `core_project_view`, else one page of its projects (`pageIndex`, `pageSize`; `orgIdentifier` filters).
 */
export function listProjects(token: StoredToken, url: URL): Response {
  if (!token.permissions.includes(PROJECT_VIEW)) {
    return errorResponse('NG_ACCESS_DENIED', `Missing permission ${PROJECT_VIEW} on project`, {
      extra: {
        failedPermissionChecks: [
          {
            permission: PROJECT_VIEW,
            resourceScope: { accountIdentifier: token.accountIdentifier, orgIdentifier: null, projectIdentifier: null },
            resourceType: 'PROJECT',
            resourceIdentifier: null,
          },
        ],
      },
    });
  }
  const pageIndex = integerParam(url, 'pageIndex', 0);
  const pageSize = integerParam(url, 'pageSize', DEFAULT_PAGE_SIZE);
  if (pageIndex === null || pageSize === null || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return errorResponse('INVALID_REQUEST', `pageIndex must be 0 or more and pageSize between 1 and ${MAX_PAGE_SIZE}`);
  }
  const org = url.searchParams.get('orgIdentifier');
  const all = (PROJECTS.get(token.accountIdentifier) ?? []).filter((p) => !org || p.orgIdentifier === org);
  const page = all.slice(pageIndex * pageSize, (pageIndex + 1) * pageSize);
  return successResponse({
    content: page.map(({ createdAt, lastModifiedAt, ...rest }) => ({
      project: { ...rest, modules: [...rest.modules], tags: { ...rest.tags } },
      createdAt,
      lastModifiedAt,
    })),
    totalItems: all.length,
    pageItemCount: page.length,
    pageSize,
    pageIndex,
    totalPages: Math.ceil(all.length / pageSize),
    empty: page.length === 0,
  });
}
