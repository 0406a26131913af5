import { z } from 'zod';

/** What travels over a message-based transport (WebSocket, trainer pipe). */
export const requestEnvelopeSchema = z
  .object({
    type: z.literal('request'),
    id: z.number().int().nonnegative(),
    command: z.string().max(100),
    payload: z.unknown(),
  })
  .strict();
export type RequestEnvelope = z.infer<typeof requestEnvelopeSchema>;

export const replyEnvelopeSchema = z.object({
  type: z.literal('reply'),
  id: z.number().int(),
  result: z.unknown(),
});
export type ReplyEnvelope = z.infer<typeof replyEnvelopeSchema>;

export const eventEnvelopeSchema = z.object({
  type: z.literal('event'),
  name: z.string().max(100),
  payload: z.unknown(),
});
export type EventEnvelope = z.infer<typeof eventEnvelopeSchema>;

export const serverEnvelopeSchema = z.discriminatedUnion('type', [
  replyEnvelopeSchema,
  eventEnvelopeSchema,
]);
