/**
 * The account's Harness projects: proof that the stored key really works. Shipyard's server lists them with
 * the key (the browser never calls Harness); they load again whenever the link or its last check changes.
 */
import { useEffect, useId, useState } from 'react';
import { fetchProjects, type ProjectsAnswer } from './api.ts';

type Loaded = { status: 'done'; answer: ProjectsAnswer } | { status: 'error'; message: string };
type ProjectsState = { status: 'loading' } | Loaded;

interface AccountProjectsProps {
  accountId: string;
  /** Changes whenever the projects should be listed again (a reconnect, a check). */
  version: string;
}

export function AccountProjects({ accountId, version }: AccountProjectsProps) {
  const titleId = useId();
  // What was loaded, and for which request: an answer for an older version reads as still loading.
  const request = `${accountId}\n${version}`;
  const [loaded, setLoaded] = useState<{ request: string; result: Loaded } | null>(null);
  const state: ProjectsState = loaded !== null && loaded.request === request ? loaded.result : { status: 'loading' };

  useEffect(() => {
    const controller = new AbortController();
    fetchProjects(accountId, controller.signal).then(
      (answer) => setLoaded({ request, result: { status: 'done', answer } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setLoaded({ request, result: { status: 'error', message: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => controller.abort();
  }, [accountId, request]);

  let body;
  if (state.status === 'loading') body = <p className="muted">Loading projects…</p>;
  else if (state.status === 'error') body = <p className="projects-problem">The projects could not be loaded: {state.message}</p>;
  else if (!state.answer.ok) {
    body = (
      <p className="projects-problem" data-problem={state.answer.error.code}>
        {state.answer.error.message}
      </p>
    );
  } else if (state.answer.projects.length === 0) body = <p className="muted">This account has no projects yet.</p>;
  else {
    body = (
      <ul className="projects-list" aria-labelledby={titleId}>
        {state.answer.projects.map((project) => (
          <li key={`${project.orgIdentifier}/${project.identifier}`}>
            <span className="project-name">{project.name}</span>
            <code className="muted">
              {project.orgIdentifier}/{project.identifier}
            </code>
            {project.modules.length > 0 ? <span className="muted project-modules">{project.modules.join(' · ')}</span> : null}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="projects" aria-labelledby={titleId} aria-busy={state.status === 'loading'} data-state={state.status}>
      <h4 id={titleId}>Harness projects</h4>
      {body}
    </section>
  );
}
