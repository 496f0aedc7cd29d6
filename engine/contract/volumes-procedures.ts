import { z } from 'zod';
import { TarDownloadEvent } from './image-details';
import {
  VolumeBrowseEvent,
  VolumeBrowseInput,
  VolumeCloneInput,
  VolumeCreateInput,
  VolumeInspect,
  VolumeListInput,
  VolumePruneInput,
  VolumePrunePlan,
  VolumePruneReport,
  VolumePruneRun,
  VolumeRef,
  VolumeRemoveInput,
  VolumeRemoveResult,
  VolumeRestoreBegin,
  VolumeRestoreChunk,
  VolumeRestoreRef,
  VolumeRestoreStarted,
  VolumeSizes,
  VolumeSummary,
  VolumeTaskStarted,
} from './volumes';

/**
 * The volumes domain's procedures and subscriptions (channel names `volumes:verb`), spread into the contract's tables in
 * procedures.ts. Their schemas live beside them in this domain's contract files.
 */
export const volumeProcedures = {
  'volumes:list': { input: VolumeListInput, output: z.array(VolumeSummary) },
  'volumes:sizes': { input: VolumeListInput, output: VolumeSizes },
  'volumes:create': { input: VolumeCreateInput, output: z.object({ name: z.string() }) },
  'volumes:inspect': { input: VolumeRef, output: VolumeInspect },
  'volumes:remove': { input: VolumeRemoveInput, output: VolumeRemoveResult },
  'volumes:prunePreview': { input: VolumePruneInput, output: VolumePrunePlan },
  'volumes:prune': { input: VolumePruneRun, output: VolumePruneReport },
  'volumes:restoreBegin': { input: VolumeRestoreBegin, output: VolumeRestoreStarted },
  'volumes:restoreChunk': { input: VolumeRestoreChunk, output: z.object({}) },
  'volumes:restoreEnd': { input: VolumeRestoreRef, output: z.object({}) },
  'volumes:restoreAbort': { input: VolumeRestoreRef, output: z.object({}) },
  'volumes:clone': { input: VolumeCloneInput, output: VolumeTaskStarted },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const volumeSubscriptions = {
  // A helper container mounting the volume while subscribed; removed when the subscriber goes.
  'volumes:browse': { input: VolumeBrowseInput, event: VolumeBrowseEvent },
  // The volume's files as a .tar, streamed to one subscriber as a `volume-backup` task, paced by its acknowledgements.
  'volumes:backup': { input: VolumeRef, event: TarDownloadEvent, creditWindow: 8 },
} as const satisfies Record<string, { input: z.ZodType; event: z.ZodType; creditWindow?: number }>;
