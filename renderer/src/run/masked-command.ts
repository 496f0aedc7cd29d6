import { editToArgs, RunSpec, runSpecToArgs, shellJoin, shellQuote, type RunSpecInput } from '../../../engine/contract';
import { MASK, looksSecret, maskArgs, maskAssignment, maskValue } from '../../../engine/contract/secrets';

/** Flags whose value is KEY=VALUE, masked by the key's name and then by the value's shape. */
const ASSIGNMENT_FLAGS = new Set(['--label', '--log-opt']);

/** A masked word for the screen: the hidden parts stay bare ••••••, so they read as placeholders, not as text. */
export function quoteMasked(word: string): string {
  return word
    .split(MASK)
    .map((part) => (part === '' ? '' : shellQuote(part)))
    .join(MASK);
}

/** Whether an env row's value is hidden until revealed: by its key (DB_PASSWORD), or by its shape (a URL with a password). */
export function envValueHidden(key: string, value: string): boolean {
  return looksSecret(key) || maskValue(value) !== value;
}

/**
 * The `docker run` command as shown on screen: each env row not revealed, label, log option, flag value and argument of
 * the program's command has its secrets replaced by ••••••. The copy button still takes the real command. With
 * `editOf` (the edited container's name) it is the edit's commands, as editToCommand writes them.
 */
export function maskedRunCommand(input: RunSpecInput, revealed: ReadonlySet<number>, editOf?: string): string {
  const spec = RunSpec.parse(input);
  const args = runSpecToArgs(spec, { edit: editOf !== undefined });
  const before = editOf === undefined ? '' : `${shellJoin(['docker', 'stop', editOf])}\n${shellJoin(['docker', 'rm', editOf])}\n`;
  // An edit joins the other networks again after the run (docker network connect): no secrets in those.
  const after = editOf === undefined ? '' : editToArgs(spec, editOf).slice(3).map((joins) => `\n${shellJoin(joins)}`).join('');
  // Flags come before the image; the program's own arguments follow it.
  const imageAt = args.length - spec.command.length - 1;
  let envRow = 0;
  const flags = args.slice(0, imageAt).map((arg, index, all) => {
    const flag = all[index - 1];
    if (index === 0 || flag === undefined || !flag.startsWith('-')) return arg;
    if (flag === '--env') {
      const row = envRow++;
      const key = arg.slice(0, arg.indexOf('='));
      return revealed.has(row) ? arg : looksSecret(key) ? `${key}=${MASK}` : maskAssignment(arg);
    }
    return ASSIGNMENT_FLAGS.has(flag) ? maskAssignment(arg) : maskValue(arg);
  });
  return before + [...flags, args[imageAt] as string, ...maskArgs(spec.command)].map((word, index) => (index === 0 ? word : quoteMasked(word))).join(' ') + after;
}
