import type Docker from 'dockerode';
import { MinatoError } from '../../contract';

/** Runs a tiny probe inside the container: the first executable shell wins. */
export async function findShell(container: Docker.Container, preferred?: string): Promise<string> {
  const candidates = [...(preferred ? [preferred] : []), '/bin/bash', '/bin/ash', '/bin/sh'];
  const script = candidates.map((shell) => `[ -x '${shell.replaceAll("'", '')}' ] && { echo '${shell.replaceAll("'", '')}'; exit 0; }`).join('; ');
  try {
    const exec = await container.exec({ Cmd: ['/bin/sh', '-c', `${script}; exit 1`], AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    const output = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
      stream.on('error', reject);
    });
    const found = candidates.find((shell) => output.includes(shell));
    if (found) return found;
  } catch {
    // No /bin/sh to run the probe with: fall through to the message below.
  }
  throw new MinatoError('not-found', 'This container has no shell (no /bin/bash, /bin/ash or /bin/sh). Choose a command to run instead.');
}
