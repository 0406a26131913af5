/**
 * The script each wasm pool thread runs: tfjs-backend-wasm's own worker code between two pieces.
 *
 * Before it: a thread that fails ends the whole trainer process. The main thread waits for every
 * pool thread inside each parallel kernel and cannot run JavaScript while it waits, so a thread
 * that dies quietly would leave training hung forever; a process that ends is one the host
 * reports in words, with the checkpoint to continue from. Also, the thread loads the module's
 * script from its file (tfjs sends it as a Blob, which Node's workers cannot import).
 *
 * After it: a fault a test can trigger. While the file STUDIO_TEST_THREAD_FAULT names exists, a
 * thread that is handed work fails, as a crashed thread would.
 */
export const pthreadScript = (workerContents: string, factoryFile: string): string =>
  [
    '"use strict";',
    'const studioFs = require("fs");',
    'process.on("uncaughtException", (error) => {',
    '  try { studioFs.writeSync(2, "A training thread failed: " + ((error && error.stack) || error) + "\\n"); } catch {}',
    '  process.kill(process.pid, "SIGKILL");',
    '});',
    `URL.createObjectURL = () => ${JSON.stringify(factoryFile)};`,
    'URL.revokeObjectURL = () => {};',
    // tfjs escapes the same way before it makes its Blob: the contents hold raw newlines in strings.
    workerContents.replace(/\n/g, '\\n'),
    ';(() => {',
    '  const fault = process.env.STUDIO_TEST_THREAD_FAULT;',
    '  if (!fault) return;',
    '  const handle = self.onmessage;',
    '  self.onmessage = (e) => {',
    '    if (e.data && e.data.cmd === "run" && studioFs.existsSync(fault)) throw new Error("test fault in a training thread");',
    '    return handle(e);',
    '  };',
    '})();',
    '',
  ].join('\n');
