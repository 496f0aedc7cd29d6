import { toMinatoError } from '../docker/engine-errors';
import { parseEndpoint } from '../docker/endpoint';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers, SubscriptionHandlers } from '../rpc/handlers';
import { RunSpec } from '../../contract/run/run-spec';
import { carriedOptions } from './carried-options';
import { createFromSpec } from './create';
import { recreateContainer, type EditsUnderWay } from './recreate';
import { specFromInspect } from './spec-from-inspect';

/** docker run, editing, and reading a container back into the Run form. */
type RunProcedures = Pick<ProcedureHandlers, 'containers:create' | 'containers:specOf' | 'containers:recreate' | 'containers:rename'>;

/** Only an engine on this machine shares its host ports with Minato's process, so only there can a program's port be seen. */
function isLocal(registry: EngineRegistry, engineId: string): boolean {
  const kind = parseEndpoint(registry.get(engineId).info().endpoint).kind;
  return kind === 'unix' || kind === 'npipe';
}

/** `edits` is shared with runSubscriptions, so an edit by either way is known to the other. */
export function runProcedures(registry: EngineRegistry, edits: EditsUnderWay = new Set()): RunProcedures {
  return {
    'containers:recreate': async ({ engineId, id, spec }) => recreateContainer(registry.get(engineId).docker(), id, spec, { local: isLocal(registry, engineId), edits }),
    'containers:rename': async ({ engineId, id, name }) => {
      try {
        await registry.get(engineId).docker().getContainer(id).rename({ name });
        return {};
      } catch (error) {
        throw toMinatoError(error);
      }
    },
    // The Run form's options for an existing container: for "run another like this" and for editing.
    'containers:specOf': async ({ engineId, id }) => {
      const docker = registry.get(engineId).docker();
      try {
        const container = await docker.getContainer(id).inspect();
        const [image, info] = await Promise.all([
          docker
            .getImage(container.Image)
            .inspect()
            .catch(() => undefined),
          docker.info() as Promise<{ CgroupVersion?: string }>,
        ]);
        const spec = RunSpec.parse(specFromInspect(container, image));
        // The engine's own cgroup namespace default: private on cgroup v2, host on v1.
        return { ...spec, carried: carriedOptions(container, image, spec.mounts, info.CgroupVersion === '2' ? 'private' : 'host') };
      } catch (error) {
        throw toMinatoError(error);
      }
    },
    // With `likeId` (engine/contract/run/create-input.ts) it is "run another like this".
    'containers:create': async (input) => createFromSpec(registry.get(input.engineId).docker(), input),
  };
}

/**
 * An edit that reports each step as it begins. It runs to the end (or to its rollback) even if the window that asked
 * goes away: stopping half-way would leave the original stopped and renamed.
 */
export function runSubscriptions(registry: EngineRegistry, edits: EditsUnderWay = new Set()): Pick<SubscriptionHandlers, 'containers:edit'> {
  return {
    'containers:edit': ({ engineId, id, spec }, emit, end) => {
      let open = true;
      recreateContainer(registry.get(engineId).docker(), id, spec, {
        local: isLocal(registry, engineId),
        edits,
        onPhase: (phase) => open && emit({ kind: 'phase', phase }),
      }).then(
        (result) => {
          if (open) emit({ kind: 'done', ...result });
          end();
        },
        (error: unknown) => end(toMinatoError(error)),
      );
      return () => {
        open = false;
      };
    },
  };
}
