import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { shellJoin, type StatsSample } from '../../../engine/contract';
import { useClient } from '../client-context';
import { CommandBlock } from '../ui/CommandBlock';
import { formatBytes } from './format-bytes';

const KEEP = 180;

function Chart({ label, samples, pick, format }: { label: string; samples: StatsSample[]; pick(sample: StatsSample): number; format(value: number): string }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | undefined>(undefined);
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    plotRef.current = new uPlot(
      {
        width: Math.max(200, host.clientWidth),
        height: 140,
        legend: { show: false },
        scales: { x: { time: true }, y: { range: (_plot, _min, max) => [0, Math.max(1, max * 1.1)] } },
        axes: [{ stroke: '#8893a2' }, { stroke: '#8893a2', values: (_plot, ticks) => ticks.map(format), size: 70 }],
        series: [{}, { label, stroke: '#1f6feb', fill: 'rgba(31,111,235,0.12)', width: 1.5 }],
      },
      [[], []],
      host,
    );
    const observer = new ResizeObserver(() => plotRef.current?.setSize({ width: Math.max(200, host.clientWidth), height: 140 }));
    observer.observe(host);
    return () => {
      observer.disconnect();
      plotRef.current?.destroy();
    };
  }, [label, format]);
  useEffect(() => {
    plotRef.current?.setData([samples.map((sample) => sample.at / 1000), samples.map(pick)]);
  }, [samples, pick]);
  return <div ref={hostRef} className="chart" role="img" aria-label={label} />;
}

const pickCpu = (sample: StatsSample) => sample.cpuPercent ?? 0;
const pickMemory = (sample: StatsSample) => sample.memoryUsed;
const formatPercent = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)}%`;

/** Live figures computed as docker stats computes them, drawn over the last few minutes. */
export function StatsView({ engineId, id, name, running }: { engineId: string; id: string; name: string; running: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const [samples, setSamples] = useState<StatsSample[]>([]);
  useEffect(() => {
    if (!running) return;
    setSamples([]);
    return client.subscribe('containers:stats', { engineId, id }, {
      onEvent: (sample) => setSamples((current) => [...current.slice(-(KEEP - 1)), sample]),
    });
  }, [client, engineId, id, running]);

  const latest = samples.at(-1);
  return (
    <div className="stats-view">
      <CommandBlock command={shellJoin(['docker', 'stats', name])} />
      {!running ? <p className="muted">{t('stats.notRunning')}</p> : null}
      {running && !latest ? <p className="muted">{t('stats.waiting')}</p> : null}
      {latest ? (
        <dl className="facts stats-figures" aria-label={t('stats.tab')}>
          <dt>{t('stats.cpu')}</dt>
          <dd data-stat="cpu">{latest.cpuPercent === null ? '—' : formatPercent(latest.cpuPercent)}</dd>
          <dt>{t('stats.memory')}</dt>
          <dd data-stat="memory">
            {formatBytes(latest.memoryUsed)} / {formatBytes(latest.memoryLimit)} ({latest.memoryPercent.toFixed(2)}%)
          </dd>
          <dt>{t('stats.network')}</dt>
          <dd>
            {formatBytes(latest.networkRx)} / {formatBytes(latest.networkTx)}
          </dd>
          <dt>{t('stats.block')}</dt>
          <dd>
            {formatBytes(latest.blockRead)} / {formatBytes(latest.blockWrite)}
          </dd>
          <dt>{t('stats.pids')}</dt>
          <dd>{latest.pids}</dd>
        </dl>
      ) : null}
      {running ? (
        <>
          <Chart label={t('stats.cpuChart')} samples={samples} pick={pickCpu} format={formatPercent} />
          <Chart label={t('stats.memoryChart')} samples={samples} pick={pickMemory} format={formatBytes} />
        </>
      ) : null}
    </div>
  );
}
