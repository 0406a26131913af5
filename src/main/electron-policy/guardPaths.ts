import type { CommandName, CommandReply, ParsedRequest } from '../../shared/contract/commands';
import type { StudioHandlers } from '../../shared/contract/dispatch';
import { fail, type Result } from '../../shared/contract/result';
import type { PathGrants } from './grants';
import { importSourcePaths, requestPaths } from './requestPaths';

export interface GuardOptions {
  /**
   * Asks the person, in a native dialog the page cannot draw, whether the app may read a data
   * file they typed in (the renderer has no data-file dialog). Without it such paths are refused.
   */
  confirmRead?: (path: string) => Promise<boolean>;
}

type AnyHandler = (request: unknown) => Promise<Result<unknown>>;

/**
 * Wraps the host's handlers so that, in Electron, a command touches only files the person chose:
 * a path the native dialog returned this session, a project the host listed, or a data file the
 * person allowed. Everything else is refused with E_PATH_NOT_ALLOWED before the host runs.
 */
export function guardPaths(
  handlers: StudioHandlers,
  grants: PathGrants,
  options: GuardOptions = {},
): StudioHandlers {
  const askRead = askOnce(grants, options.confirmRead);
  const guarded: Partial<Record<CommandName, AnyHandler>> = {};
  for (const name of Object.keys(handlers) as CommandName[]) {
    const inner = handlers[name] as AnyHandler;
    guarded[name] = async (request) => {
      const paths = requestPaths(name, request as ParsedRequest<typeof name>);
      for (const path of paths.project) {
        if (!grants.has(path)) return refuseProject(path);
      }
      for (const path of paths.data) {
        if (!grants.has(path) && !(await askRead(path))) return refuseData(path, options);
      }
      const result = await inner(request);
      if (result.ok) grantFromReply(name, result.value, grants);
      return result;
    };
  }
  return guarded as StudioHandlers;
}

/** The host's replies that name files the person chose or the host itself lists. */
function grantFromReply(name: CommandName, value: unknown, grants: PathGrants): void {
  const grantAll = (paths: (string | null | undefined)[]) => {
    for (const path of paths) if (path) grants.grant(path);
  };
  switch (name) {
    case 'project.choosePath':
      return grantAll([(value as CommandReply<'project.choosePath'>).path]);
    case 'project.list': {
      const list = value as CommandReply<'project.list'>;
      return grantAll([...list.projects, ...list.recent].map((p) => p.path));
    }
    case 'data.upload':
      // The host stored the page's own bytes in its uploads folder: reading them back reveals nothing.
      return grantAll([(value as CommandReply<'data.upload'>).path]);
    case 'project.save':
      // A save without a path goes to the projects folder under a name the host picks.
      return grantAll([(value as CommandReply<'project.save'>).path]);
    case 'project.open':
    case 'project.upload': {
      // A project the person opened names its data: reading it is what opening it asks for.
      const opened = value as CommandReply<'project.open' | 'project.upload'>;
      return grantAll([opened.path, ...importSourcePaths(opened.project.data.file)]);
    }
    case 'project.recover': {
      // The recovery copy was written through this guard, so its paths were granted then.
      const copy = value as CommandReply<'project.recover'>;
      return grantAll([copy.path, ...importSourcePaths(copy.project?.data.file)]);
    }
    default:
      return;
  }
}

/** One question per path at a time, one dialog at a time; an allowed path is granted. */
function askOnce(grants: PathGrants, confirm: GuardOptions['confirmRead']) {
  const pending = new Map<string, Promise<boolean>>();
  let queue: Promise<unknown> = Promise.resolve();
  return (path: string): Promise<boolean> => {
    if (!confirm) return Promise.resolve(false);
    const asked = pending.get(path);
    if (asked) return asked;
    const answer = queue
      .then(() => (grants.has(path) ? true : confirm(path)))
      .catch(() => false)
      .then((allowed) => {
        if (allowed) grants.grant(path);
        pending.delete(path);
        return allowed;
      });
    queue = answer;
    pending.set(path, answer);
    return answer;
  };
}

const refuseProject = (path: string) =>
  fail(
    'E_PATH_NOT_ALLOWED',
    `The app opens and saves projects only where you choose in its Open or Save dialog, or from ` +
      `your recent projects. "${path}" was not chosen there: use Open or Save As to pick it.`,
    { path },
  );

const refuseData = (path: string, options: GuardOptions) =>
  fail(
    'E_PATH_NOT_ALLOWED',
    options.confirmRead
      ? `The app did not read "${path}" because reading it was not allowed. Enter the path ` +
          `again and choose Allow when the app asks.`
      : `The app reads only data files you chose. "${path}" was not chosen, so it was not read.`,
    { path },
  );
