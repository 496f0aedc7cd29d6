import { looksSecret, RunSpec, runSpecToArgs, shellQuote, type RunSpecInput } from '../../../engine/contract';
import { MASK } from './spec-diff';

/**
 * The `docker run` command as shown on screen: the value of each secret-looking variable whose row is not revealed
 * becomes ••••••, left unquoted so it reads as a placeholder. The copy button still takes the real command.
 */
export function maskedRunCommand(input: RunSpecInput, revealed: ReadonlySet<number>): string {
  const spec = RunSpec.parse(input);
  const args = runSpecToArgs(spec);
  // Flags come before the image; the command after it is the program's own and is never touched.
  const imageAt = args.length - spec.command.length - 1;
  let envRow = 0;
  return args
    .map((arg, index) => {
      if (index === 0 || index >= imageAt || args[index - 1] !== '--env') return shellQuote(arg);
      const row = envRow++;
      const key = arg.slice(0, arg.indexOf('='));
      return looksSecret(key) && !revealed.has(row) ? `${shellQuote(`${key}=`)}${MASK}` : shellQuote(arg);
    })
    .join(' ');
}
