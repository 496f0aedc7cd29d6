import { z } from 'zod';
import { EngineId } from './engines';

/** How many events Minato keeps per engine while it runs (the engine itself keeps only its last 256). */
export const EVENTS_LOG_BOUND = 5000;

/**
 * One event as the engine sent it. Every text in it (names, labels, attributes) comes from whoever made the
 * resource: it is shown as text, never as HTML.
 */
export const LoggedEvent = z.object({
  kind: z.literal('event'),
  /** Minato's own order number, per engine, from 1. */
  seq: z.number().int().positive(),
  /** When the engine says it happened, ms since the epoch. */
  time: z.number(),
  type: z.string(),
  action: z.string(),
  id: z.string(),
  /** `Actor.Attributes.name` when the engine sent one (containers, volumes, networks, images by reference). */
  name: z.string().optional(),
  scope: z.string().optional(),
  /** The actor's attributes: labels of the resource mixed with the engine's own (image, exitCode, driver…). */
  attributes: z.record(z.string(), z.string()),
});
export type LoggedEvent = z.infer<typeof LoggedEvent>;

/** Minato lost the engine's event stream from `time` until it reconnected: events of that time are not here. */
export const EventGap = z.object({ kind: z.literal('gap'), seq: z.number().int().positive(), time: z.number() });
export type EventGap = z.infer<typeof EventGap>;

export const EventEntry = z.discriminatedUnion('kind', [LoggedEvent, EventGap]);
export type EventEntry = z.infer<typeof EventEntry>;

export const EventsLogInput = z.object({ engineId: EngineId });

/**
 * `system:events`: what was recorded so far (in chunks, oldest first, the last with `done`), then each new batch.
 * `dropped` counts the oldest events that made room for newer ones.
 */
export const EventsLogMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('history'),
    bound: z.number().int().positive(),
    since: z.number(),
    dropped: z.number().int().nonnegative(),
    entries: z.array(EventEntry),
    done: z.boolean(),
  }),
  z.object({ type: z.literal('live'), entries: z.array(EventEntry), dropped: z.number().int().nonnegative() }),
]);
export type EventsLogMessage = z.infer<typeof EventsLogMessage>;
