import type { VmPhase, VmStep } from '../../contract/vm';

/** The order a start goes through; a phase may be skipped (nothing to download) but never goes back. */
const START_ORDER: VmPhase[] = ['checking', 'downloading', 'creating', 'booting', 'waiting-ssh', 'provisioning', 'waiting-docker', 'ready'];

/**
 * The steps of one start or stop: each phase begins when the work really reaches it, and the previous step gets its
 * duration then. A start that would go backwards is a bug in the caller, so it is refused rather than shown.
 */
export class PhaseLog {
  private list: VmStep[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  get current(): VmPhase | undefined {
    return this.list.at(-1)?.phase;
  }

  steps(): VmStep[] {
    return this.list.map((step) => ({ ...step }));
  }

  /** A new start or stop: the previous one's steps are dropped. */
  begin(phase: VmPhase, note?: string): void {
    this.list = [];
    this.enter(phase, note);
  }

  enter(phase: VmPhase, note?: string): void {
    const previous = this.list.at(-1);
    if (previous?.phase === phase) return;
    if (previous && START_ORDER.includes(previous.phase) && START_ORDER.includes(phase) && START_ORDER.indexOf(phase) < START_ORDER.indexOf(previous.phase)) {
      throw new Error(`VM phase ${phase} cannot follow ${previous.phase}.`);
    }
    const at = this.now();
    if (previous && previous.ms === undefined) previous.ms = at - previous.startedAt;
    this.list.push({ phase, startedAt: at, ...(note ? { note } : {}) });
    // A final phase has no duration of its own.
    if (phase === 'ready' || phase === 'stopped' || phase === 'error') this.list.at(-1)!.ms = 0;
  }

  /** Milliseconds from the first step to the last one begun (the whole start, once ready). */
  total(): number {
    const first = this.list[0];
    const last = this.list.at(-1);
    return first && last ? last.startedAt - first.startedAt : 0;
  }
}
