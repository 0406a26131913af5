import { studio } from '../app/studio';
import { appStore } from '../stores/appStore';
import { graphStore } from '../stores/graphStore';
import { runHistory } from '../stores/runHistory';
import { runStore } from '../stores/runStore';
import type { ProjectDeps } from './projectActions';
import { projectStore } from './projectStore';

/** The project actions' dependencies in the running app. */
export const projectDeps = (): ProjectDeps => ({
  client: studio().client,
  graph: graphStore,
  run: runStore,
  history: runHistory,
  app: appStore,
  project: projectStore,
});
