import type { ComposeCli } from '../../contract/compose';
import type { ComposeStep } from '../../contract/compose-commands';

/**
 * The arguments Minato passes for one step: the step's own, after the flags that keep the output plain text (no
 * colours or cursor moves: it goes to a task's log). Compose v1 took `--no-ansi` before 1.28.
 */
export function cliArgs(cli: ComposeCli, step: ComposeStep): string[] {
  const [major, minor] = cli.version.split('.').map(Number);
  const plain = cli.major >= 2 || (major === 1 && (minor ?? 0) >= 28) ? ['--ansi', 'never'] : ['--no-ansi'];
  return [...plain, ...step];
}
