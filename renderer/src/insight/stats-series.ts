import type { StatsSample } from '../../../engine/contract';

type Counter = 'networkRx' | 'networkTx' | 'blockRead' | 'blockWrite';

/** uPlot's x axis: the engine's reading times, in seconds. */
export function times(samples: StatsSample[]): number[] {
  return samples.map((sample) => sample.at / 1000);
}

/**
 * docker stats reports network and block I/O as totals since the container started; a chart of totals only ever
 * climbs, so the charts show bytes per second between consecutive readings. The first point has no rate (a gap), and
 * a counter that went down (an interface re-created) counts as zero rather than a negative rate.
 */
export function ratePerSecond(samples: StatsSample[], counter: Counter): Array<number | null> {
  return samples.map((sample, index) => {
    const before = samples[index - 1];
    if (!before) return null;
    const seconds = (sample.at - before.at) / 1000;
    if (seconds <= 0) return null;
    return Math.max(0, sample[counter] - before[counter]) / seconds;
  });
}
