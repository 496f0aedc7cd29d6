import { maskCommandLine } from '../../contract/secrets';

/** The classic builder records metadata steps as `/bin/sh -c #(nop) ENV …`; a build-arg prefix (`|2 A=1 B=2 `) may precede. */
const NOP = /^(?:\|\d+\s.*?)?\/bin\/sh -c #\(nop\)\s+([\s\S]*)$/;
/** …and a RUN step as the shell line it ran. */
const SHELL = /^(?:\|\d+\s.*?)?\/bin\/sh -c ([\s\S]*)$/;

/**
 * The Dockerfile instruction a history entry stands for, as a person wrote it: BuildKit already records
 * `RUN /bin/sh -c …` / `COPY … # buildkit`; the classic builder records the shell line. A commit's entry is the
 * container's command and stays as it is. Secrets in it (`ENV PASSWORD=…`, URLs with passwords) are masked.
 */
export function historyInstruction(createdBy: string): string {
  const text = createdBy.replace(/\s+# buildkit$/, '').trim();
  const nop = NOP.exec(text);
  const shell = nop ? undefined : SHELL.exec(text);
  const instruction = nop ? nop[1]!.trim() : shell ? `RUN ${shell[1]!.trim()}` : text;
  return maskCommandLine(instruction);
}
