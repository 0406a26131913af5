import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where Linux distributions keep the Vulkan loader (Debian's multiarch folders first). */
const SYSTEM_DIRS = [
  '/usr/lib/x86_64-linux-gnu',
  '/usr/lib/aarch64-linux-gnu',
  '/lib/x86_64-linux-gnu',
  '/lib/aarch64-linux-gnu',
  '/usr/lib64',
  '/usr/lib',
  '/lib64',
  '/lib',
  '/usr/local/lib',
];

/**
 * Whether Dawn can find a GPU at all here. On Linux it reaches every GPU through the Vulkan loader
 * (libvulkan.so.1); without one there is no adapter to find, and loading Dawn would only cost the
 * trainer's start a third of a second and a warning on its error output. Other systems (Metal,
 * Direct3D) always have their GPU interface, so the probe runs there.
 */
export function gpuInterfacePresent(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): boolean {
  if (platform !== 'linux') return true;
  const dirs = [...(env.LD_LIBRARY_PATH ?? '').split(':').filter(Boolean), ...SYSTEM_DIRS];
  return dirs.some((dir) => exists(join(dir, 'libvulkan.so.1')));
}
