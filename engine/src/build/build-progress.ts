import type { TaskProgress } from '../../contract';
import { decodeBuildStatus, type BuildStatus, type BuildVertex } from './buildkit-status';

/** One JSON line of `/build`'s answer, from either builder. */
export interface BuildEvent {
  stream?: string;
  status?: string;
  id?: string;
  aux?: unknown;
  error?: string;
  errorDetail?: { message?: string; code?: number };
}

export interface BuildProgress {
  /** Takes one event; returns the log lines it adds (the CLI's words: `Step 2/4 : RUN …`, `#5 [2/4] RUN …`). */
  apply(event: BuildEvent): string[];
  /** Lines still held back because they had no end yet. */
  flush(): string[];
  progress(): TaskProgress;
  /** The step running now, for the task's status line. */
  status(): string | undefined;
  imageId(): string | undefined;
  /** The engine's own words when the build failed. */
  failure(): string | undefined;
  complete(): void;
}

const CLASSIC_STEP = /^Step (\d+)\/(\d+) : /;
/** `[2/4] RUN …`, `[build 2/4] COPY …`: a Dockerfile step of some stage. */
const BUILDKIT_STEP = /^\[(?:(.+) )?(\d+)\/(\d+)\]/;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** Text split into lines across chunks; a run's output can end half-way through a line. */
function lineSplitter() {
  let pending = '';
  return {
    push(text: string): string[] {
      const parts = (pending + text).split(/\r?\n/);
      pending = parts.pop() ?? '';
      return parts;
    },
    flush(): string[] {
      const rest = pending;
      pending = '';
      return rest ? [rest] : [];
    },
  };
}

/**
 * The build's answer, read into a log, a step count and the new image's id. The classic builder speaks in `stream`
 * text; BuildKit in protobuf status messages, written out here as `docker build --progress=plain` prints them:
 * each step numbered `#N` in the order it appears, its output lines, then CACHED, DONE or ERROR.
 */
export function createBuildProgress(): BuildProgress {
  const classicText = lineSplitter();
  const stepsByStage = new Map<string, number>();
  const stepsDone = new Set<string>();
  let classicStep: { current: number; total: number } | undefined;
  let current: string | undefined;
  let image: string | undefined;
  let failed: string | undefined;
  let finished = false;
  // BuildKit: each vertex's number, what was said of it already, and its unfinished output line.
  const numbers = new Map<string, number>();
  const announced = new Set<string>();
  const ended = new Set<string>();
  const outputs = new Map<string, ReturnType<typeof lineSplitter>>();

  const numberOf = (digest: string) => {
    let number = numbers.get(digest);
    if (number === undefined) {
      number = numbers.size + 1;
      numbers.set(digest, number);
    }
    return number;
  };

  const classicLine = (line: string): string => {
    const step = CLASSIC_STEP.exec(line);
    if (step) {
      classicStep = { current: Number(step[1]) - 1, total: Number(step[2]) };
      current = line;
    }
    return line;
  };

  const vertexLines = (vertex: BuildVertex): string[] => {
    const lines: string[] = [];
    const number = numberOf(vertex.digest);
    const step = BUILDKIT_STEP.exec(vertex.name);
    if (step) stepsByStage.set(step[1] ?? '', Number(step[3]));
    if (!announced.has(vertex.digest) && (vertex.started !== undefined || vertex.cached)) {
      announced.add(vertex.digest);
      lines.push(`#${number} ${vertex.name}`);
      current = vertex.name;
    }
    if (ended.has(vertex.digest)) return lines;
    if (vertex.error) {
      ended.add(vertex.digest);
      lines.push(...(outputs.get(vertex.digest)?.flush() ?? []).map((line) => `#${number} ${line}`), `#${number} ERROR: ${vertex.error}`);
    } else if (vertex.cached) {
      ended.add(vertex.digest);
      lines.push(`#${number} CACHED`);
    } else if (vertex.completed !== undefined) {
      ended.add(vertex.digest);
      lines.push(...(outputs.get(vertex.digest)?.flush() ?? []).map((line) => `#${number} ${line}`));
      lines.push(vertex.started === undefined ? `#${number} DONE` : `#${number} DONE ${seconds(vertex.completed - vertex.started)}`);
    }
    if (step && ended.has(vertex.digest) && !vertex.error) stepsDone.add(vertex.digest);
    return lines;
  };

  const buildKitLines = (status: BuildStatus): string[] => {
    const lines: string[] = [];
    for (const vertex of status.vertexes) lines.push(...vertexLines(vertex));
    for (const log of status.logs) {
      let splitter = outputs.get(log.vertex);
      if (!splitter) {
        splitter = lineSplitter();
        outputs.set(log.vertex, splitter);
      }
      const number = numberOf(log.vertex);
      lines.push(...splitter.push(new TextDecoder().decode(log.data)).map((line) => `#${number} ${line}`));
    }
    for (const warning of status.warnings) lines.push(`#${numberOf(warning.vertex)} WARNING: ${warning.short}`);
    // Transfers (the context, a pulled layer) only move the status line: the log would fill with percentages.
    const moving = status.statuses.at(-1);
    if (moving && moving.completed === undefined) current = moving.total > 0 ? `${moving.id} ${moving.current}/${moving.total}` : `${moving.id} ${moving.current}`;
    return lines;
  };

  return {
    apply(event) {
      const message = event.errorDetail?.message ?? event.error;
      if (message) {
        failed = message;
        return [message];
      }
      if (event.id === 'moby.buildkit.trace' && typeof event.aux === 'string') {
        try {
          return buildKitLines(decodeBuildStatus(Buffer.from(event.aux, 'base64')));
        } catch {
          return [];
        }
      }
      const aux = event.aux as { ID?: unknown } | undefined;
      if (aux && typeof aux.ID === 'string') {
        image = aux.ID;
        return [];
      }
      if (typeof event.stream === 'string') return classicText.push(event.stream).map(classicLine);
      // A base image pulled by the classic builder: its per-layer lines stay out of the log, as the CLI redraws them.
      if (typeof event.status === 'string' && !event.id) return [event.status];
      return [];
    },
    flush: () => classicText.flush().map(classicLine),
    progress() {
      if (classicStep) {
        const done = finished ? classicStep.total : classicStep.current;
        return { unit: 'steps', current: done, total: classicStep.total, percent: (done / classicStep.total) * 100 };
      }
      const total = [...stepsByStage.values()].reduce((sum, count) => sum + count, 0);
      if (total === 0) return { unit: 'steps', current: 0 };
      const done = finished ? total : Math.min(stepsDone.size, total);
      return { unit: 'steps', current: done, total, percent: (done / total) * 100 };
    },
    status: () => current,
    imageId: () => image,
    failure: () => failed,
    complete() {
      finished = true;
    },
  };
}
