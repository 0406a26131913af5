import { isIP } from 'node:net';

/** Where browser mode listens, and whether a UI on another machine may connect to it. */
export interface ListenChoice {
  address: string;
  /** True with `--listen`: a UI served elsewhere may connect, with the token in its address. */
  remote: boolean;
}

export type ListenParse = { ok: true; value: ListenChoice } | { ok: false; message: string };

/** True for 127.0.0.0/8 and ::1: addresses no other machine can reach. */
export const isLoopback = (address: string): boolean =>
  address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);

/**
 * Reads `--listen` (remote UIs through an SSH tunnel, still on 127.0.0.1) or `--listen=ADDRESS`
 * (another address, such as 0.0.0.0 on a trusted network). Without it: 127.0.0.1, this machine's
 * own UI only.
 */
export function parseListen(argv: readonly string[]): ListenParse {
  const flag = argv.find((a) => a === '--listen' || a.startsWith('--listen='));
  if (!flag) return { ok: true, value: { address: '127.0.0.1', remote: false } };
  const address = flag === '--listen' ? '127.0.0.1' : flag.slice('--listen='.length);
  if (isIP(address) === 0)
    return {
      ok: false,
      message: `--listen=${address} is not an IP address; use for example --listen=127.0.0.1 or --listen=0.0.0.0.`,
    };
  return { ok: true, value: { address, remote: true } };
}

/** What `--listen` prints: the one-line SSH tunnel and how to connect the app through it. */
export function tunnelRecipe(choice: ListenChoice, port: number, token: string): string[] {
  const target =
    choice.address === '0.0.0.0' || choice.address === '::' ? '127.0.0.1' : choice.address;
  return [
    'A trainer for another machine is listening. On the machine with the app, run:',
    `  ssh -N -L ${port}:${target}:${port} <you>@<this machine>`,
    `then in the app choose "Connect to a trainer" and enter the address http://127.0.0.1:${port} and the key:`,
    `  ${token}`,
    `(or open http://127.0.0.1:${port}/?token=${token} in a browser there).`,
  ];
}
