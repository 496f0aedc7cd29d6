import { shellJoin } from './commands';

/** The docker commands the registry actions stand for. The password never appears: the CLI reads it from stdin. */
export function loginCommand(address: string, username: string): string {
  return shellJoin(['docker', 'login', '--username', username, '--password-stdin', address]);
}

export function logoutCommand(address: string): string {
  return shellJoin(['docker', 'logout', address]);
}

export function imagePushCommand(ref: string): string {
  return shellJoin(['docker', 'push', ref]);
}
