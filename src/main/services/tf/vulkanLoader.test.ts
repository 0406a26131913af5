import { describe, expect, it } from 'vitest';
import { gpuInterfacePresent } from './vulkanLoader';

describe('looking for a GPU interface before loading Dawn', () => {
  it('finds the Vulkan loader in a system folder or on LD_LIBRARY_PATH, and not where there is none', () => {
    const only = (path: string) => (p: string) => p === path;
    expect(gpuInterfacePresent('linux', {}, only('/usr/lib/x86_64-linux-gnu/libvulkan.so.1'))).toBe(
      true,
    );
    expect(
      gpuInterfacePresent(
        'linux',
        { LD_LIBRARY_PATH: '/usr/lib/chromium:/opt/x' },
        only('/usr/lib/chromium/libvulkan.so.1'),
      ),
    ).toBe(true);
    expect(gpuInterfacePresent('linux', { LD_LIBRARY_PATH: '/opt/x' }, () => false)).toBe(false);
  });

  it('always probes on systems whose GPU interface is built in (Metal, Direct3D)', () => {
    expect(gpuInterfacePresent('darwin', {}, () => false)).toBe(true);
    expect(gpuInterfacePresent('win32', {}, () => false)).toBe(true);
  });
});
