export interface ServeArguments {
  host: string;
  port: number;
  staticDir?: string;
}

/** `--port N` (or MINATO_PORT; 0 = any free port), `--host H` (default 127.0.0.1), `--static DIR`. */
export function parseServeArguments(argv: string[], env: NodeJS.ProcessEnv): ServeArguments | { error: string } {
  let host = '127.0.0.1';
  let portText = env.MINATO_PORT ?? '0';
  let staticDir: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++index];
    if (flag === '--port') portText = value() ?? '';
    else if (flag === '--host') host = value() ?? '';
    else if (flag === '--static') staticDir = value();
    else return { error: `Unknown option "${arg}". Use --port N, --host ADDRESS, --static DIR.` };
  }
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) return { error: `"${portText}" is not a port: use a number from 0 to 65535.` };
  if (!host) return { error: '--host needs an address, e.g. --host 127.0.0.1.' };
  return staticDir === undefined ? { host, port } : { host, port, staticDir };
}
