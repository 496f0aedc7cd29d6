import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers, SubscriptionHandlers } from '../rpc/handlers';
import type { TaskManager } from '../tasks/task-manager';
import { imageDetailProcedures } from './image-detail-handlers';
import { imageTransferSubscriptions } from './image-transfer-handlers';
import { imageUploadProcedures } from './image-uploads';
import { pruneProcedures } from './prune-handlers';

/** The image page and its actions: detail, tag, commit, load/import, prune (the long ones are tasks). */
export function localImageProcedures(tasks: TaskManager, registry: EngineRegistry) {
  return {
    ...imageDetailProcedures(registry),
    ...imageUploadProcedures(tasks, registry),
    ...pruneProcedures(tasks, registry),
  } satisfies Partial<ProcedureHandlers>;
}

/** `docker save` and `docker export` as flow-controlled downloads that are tasks too. */
export function localImageSubscriptions(tasks: TaskManager, registry: EngineRegistry): Pick<SubscriptionHandlers, 'images:save' | 'containers:export'> {
  return imageTransferSubscriptions(tasks, registry);
}
