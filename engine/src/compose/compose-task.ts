import { MinatoError } from '../../contract';
import type { ComposeCli, ComposeRefusal } from '../../contract/compose';
import type { ComposeStep } from '../../contract/compose-commands';
import type { TaskControl } from '../tasks/task-manager';
import { cliArgs } from './compose-cli';
import { runCompose } from './compose-process';

export interface ComposeRun {
  cli: ComposeCli;
  steps: ComposeStep[];
  /** The shown command of each step, logged before it runs. */
  shown: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  graceMs?: number;
}

/**
 * Runs an action's CLI steps one after the other in a task: every line the CLI writes goes to the task's log, the
 * latest one is its status. Cancel stops the running step (SIGINT, SIGTERM, SIGKILL) and runs no further step; a step
 * that fails ends the task with its exit code.
 */
export async function runComposeSteps(run: ComposeRun, control: TaskControl): Promise<void> {
  for (const [index, step] of run.steps.entries()) {
    control.progress({ unit: 'steps', current: index, total: run.steps.length });
    control.log(`$ ${run.shown[index] ?? ''}`);
    const result = await runCompose(run.cli.path, cliArgs(run.cli, step), {
      cwd: run.cwd,
      env: run.env,
      signal: control.signal,
      ...(run.graceMs === undefined ? {} : { graceMs: run.graceMs }),
      onLine: (line) => {
        if (!line.trim()) return;
        control.log(line);
        control.status(line);
      },
    });
    if (result.cancelled) throw new MinatoError('cancelled', 'The Compose command was cancelled.');
    if (result.code !== 0) {
      const details: ComposeRefusal = { kind: 'compose-refused', reason: 'failed', ...(result.code === null ? {} : { exitCode: result.code }) };
      throw new MinatoError('engine-error', `Compose exited with code ${result.code ?? 'none'}.`, details);
    }
  }
  control.progress({ unit: 'steps', current: run.steps.length, total: run.steps.length, percent: 100 });
}
