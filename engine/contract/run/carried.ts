import { z } from 'zod';

/**
 * How one of the spec's mounts is written when the container was given it with options the spec cannot show
 * (`-v data:/db:ro,nocopy`, `--mount type=volume,…,volume-nocopy`, `--tmpfs /run:size=16m`). It applies while the
 * spec still has that mount: same kind, container path, source and read-only.
 */
export const CarriedMount = z.object({
  type: z.enum(['bind', 'volume', 'anonymous', 'tmpfs']),
  target: z.string(),
  source: z.string().optional(),
  readOnly: z.boolean().optional(),
  args: z.array(z.string()),
  /** For an edit, when it differs: the anonymous volume mounted again by its name (recreate keeps its data). */
  editArgs: z.array(z.string()).optional(),
});
export type CarriedMount = z.infer<typeof CarriedMount>;

/**
 * The settings an edit or "run another like this" carries over from the container although the Run form does not show
 * them (engine/src/run/carry-over.ts), written as the docker run flags that give them, so the command shown is the
 * container Minato makes. Read-only for the form: it comes from the engine and goes back into the command only.
 */
export const Carried = z.object({
  /** Flags and their values, as `docker run` takes them (`--init`, `--ulimit nofile=1024:2048`…). */
  args: z.array(z.string()).default([]),
  /** Flags that belong to this one container (its fixed addresses): "run another like this" leaves them out. */
  ownArgs: z.array(z.string()).default([]),
  mounts: z.array(CarriedMount).default([]),
  /**
   * Anonymous volumes an edit mounts again by name, by container path (the spec's own and the image's VOLUME paths),
   * so that an edit's command keeps their data as Minato does.
   */
  editVolumes: z.record(z.string(), z.string()).default({}),
  /**
   * The other networks the container is on, which an edit joins again as they were joined: each as the options of
   * `docker network connect` (--alias, --ip…) and the network. "Run another like this" joins only the first network.
   */
  connect: z.array(z.object({ network: z.string(), args: z.array(z.string()) })).default([]),
  /** Settings carried over that no docker run flag can write (a health check in exec form…), by their engine field. */
  unexpressed: z.array(z.string()).default([]),
});
export type Carried = z.infer<typeof Carried>;
export type CarriedInput = z.input<typeof Carried>;
