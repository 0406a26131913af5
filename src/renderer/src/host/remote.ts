import { z } from 'zod';

/** A trainer on another machine: the address its `--listen` start printed (or a tunnel's) and its key. */
export const remoteTrainerSchema = z.object({
  url: z.string().url().max(500),
  token: z.string().min(1).max(200),
});
export type RemoteTrainer = z.infer<typeof remoteTrainerSchema>;

// Per window, and kept over a reload (connecting reloads the page so every store starts afresh
// from the new host); a new window starts on this machine's own host again.
const KEY = 'studio.remoteTrainer';

/** The trainer this window is pointed at, or null for this machine's own host. */
export function remoteTrainer(): RemoteTrainer | null {
  try {
    const parsed = remoteTrainerSchema.safeParse(JSON.parse(sessionStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const setRemoteTrainer = (trainer: RemoteTrainer | null): void =>
  trainer ? sessionStorage.setItem(KEY, JSON.stringify(trainer)) : sessionStorage.removeItem(KEY);

/**
 * The WebSocket address of a trainer from the address a person typed (http or https, with or
 * without a path or its own ?token=), or null when it is not a web address.
 */
export function trainerSocketUrl(trainer: RemoteTrainer): string | null {
  let url: URL;
  try {
    url = new URL(trainer.url);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:') return null;
  // The page may only reach this machine's loopback (its content security policy): a trainer on
  // another machine is reached through the SSH tunnel it prints, which ends here.
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') return null;
  const protocol = 'ws:';
  return `${protocol}//${url.host}/ws?token=${encodeURIComponent(trainer.token)}`;
}
