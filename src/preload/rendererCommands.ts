import type { CommandName } from '../shared/contract/commands';

/**
 * The commands the renderer sends: the preload forwards these and nothing else, and main refuses
 * any other from the window. rendererCommands.test.ts reads the renderer's invoke calls, so this
 * list cannot drift from them.
 */
export const RENDERER_COMMANDS = [
  'app.info',
  'data.describe',
  'data.upload',
  'train.start',
  'train.continue',
  'train.stop',
  'train.pause',
  'train.resume',
  'run.status',
  'model.decode',
  'model.encode',
  'model.encodeVariance',
  'model.inspect',
  'project.list',
  'project.save',
  'project.open',
  'project.upload',
  'project.download',
  'project.autosave',
  'project.recover',
  'project.discardRecovery',
  'project.choosePath',
  'export.render',
  // The lab: unit inspector, advisor, runs side by side.
  'model.unitLayers',
  'model.unit',
  'model.advise',
  'run.views',
  // The lab's generative panels: the denoising chain's walk, the winner-take-all units.
  'model.chainWalk',
  'model.winners',
] as const satisfies readonly CommandName[];

export type RendererCommand = (typeof RENDERER_COMMANDS)[number];

/** Whether the window may send this command. */
export const isRendererCommand = (name: unknown): name is RendererCommand =>
  typeof name === 'string' && (RENDERER_COMMANDS as readonly string[]).includes(name);
