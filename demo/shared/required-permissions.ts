/**
 * What Shipyard needs a linked Harness key to be allowed to do. One list for both sides: the server route
 * asks Harness about it before anything is stored (and every Check asks again), and the widget names the
 * labels on its first step ("The key for Shipyard must be able to: View pipelines, Execute pipelines").
 */
import type { HarnessPermissionRequirement } from '../../src/core/permissions.ts';

/** The permission a Simulate action takes away: the second requirement, so a check then reports it missing. */
export const PIPELINE_EXECUTE_PERMISSION = 'core_pipeline_execute';

export const SHIPYARD_REQUIRED_PERMISSIONS: readonly HarnessPermissionRequirement[] = [
  { permission: 'core_pipeline_view', resourceType: 'PIPELINE', label: 'View pipelines' },
  { permission: PIPELINE_EXECUTE_PERMISSION, resourceType: 'PIPELINE', label: 'Execute pipelines' },
];
