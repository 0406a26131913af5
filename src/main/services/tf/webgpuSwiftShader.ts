import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's chromium ships SwiftShader, Google's CPU implementation of Vulkan, and a Vulkan loader. */
const CHROMIUM_LIB = '/usr/lib/chromium';
const ICD = join(CHROMIUM_LIB, 'vk_swiftshader_icd.json');
const NEEDED = [
  ICD,
  join(CHROMIUM_LIB, 'libvk_swiftshader.so'),
  join(CHROMIUM_LIB, 'libvulkan.so.1'),
];

/**
 * The environment that makes Dawn find SwiftShader, for the equality tests only (the app never
 * picks a software adapter): the loader on the library path, the driver named as the only ICD,
 * and a private runtime folder. Null, with what is missing, where chromium's files are absent.
 */
export function swiftShaderEnv():
  { ok: true; env: NodeJS.ProcessEnv } | { ok: false; reason: string } {
  const missing = NEEDED.filter((f) => !existsSync(f));
  if (missing.length > 0)
    return { ok: false, reason: `SwiftShader is absent (${missing.join(', ')} not found)` };
  return {
    ok: true,
    env: {
      ...process.env,
      LD_LIBRARY_PATH: [CHROMIUM_LIB, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      VK_ICD_FILENAMES: ICD,
      XDG_RUNTIME_DIR: mkdtempSync(join(tmpdir(), 'studio-vk-')),
    },
  };
}
