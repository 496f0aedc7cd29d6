import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { shellJoin, type StatsSample } from '../../../engine/contract';
import { useClient } from '../client-context';
import { CommandBlock } from '../ui/CommandBlock';
import { formatBytes } from '../format/format-bytes';
import { ratePerSecond, times } from './stats-series';

const KEEP = 180;
const HEIGHT = 120;

interface Line {
  label: string;
  color: string;
}

/** One uPlot per chart, created once per set of lines and fed new arrays as samples arrive. */
function Chart({ label, lines, data, format, incrs }: { label: string; lines: Line[]; data: uPlot.AlignedData; format(value: number): string; incrs?: number[] }) {
  const hostRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | undefined>(undefined);
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    plotRef.current = new uPlot(
      {
        width: Math.max(200, host.clientWidth),
        height: HEIGHT,
        legend: { show: false },
        scales: { x: { time: true }, y: { range: (_plot, _min, max) => [0, Math.max(1, max * 1.1)] } },
        // One line of clock time under the plot leaves the height to the data.
        axes: [
          { stroke: '#8893a2', space: 90, size: 30, values: (_plot, ticks) => ticks.map((tick) => new Date(tick * 1000).toLocaleTimeString()) },
          { stroke: '#8893a2', values: (_plot, ticks) => ticks.map(format), size: 80, ...(incrs ? { incrs } : {}) },
        ],
        series: [{}, ...lines.map((line) => ({ label: line.label, stroke: line.color, fill: `${line.color}1f`, width: 1.5 }))],
      },
      [[], ...lines.map(() => [])],
      host,
    );
    const observer = new ResizeObserver(() => plotRef.current?.setSize({ width: Math.max(200, host.clientWidth), height: HEIGHT }));
    observer.observe(host);
    return () => {
      observer.disconnect();
      plotRef.current?.destroy();
    };
  }, [lines, format, incrs]);
  useEffect(() => {
    plotRef.current?.setData(data);
  }, [data]);
  return (
    <figure className="stats-chart">
      <figcaption className="muted">
        {label}
        {lines.length > 1
          ? lines.map((line) => (
              <span key={line.label}>
                {' · '}
                <span style={{ color: line.color }} aria-hidden="true">
                  ●
                </span>{' '}
                {line.label}
              </span>
            ))
          : null}
      </figcaption>
      <div ref={hostRef} className="chart" role="img" aria-label={label} />
    </figure>
  );
}

const BLUE = '#1f6feb';
const ORANGE = '#d29922';
const GREEN = '#2da44e';
const PURPLE = '#8957e5';
/** Byte axes step in binary units (512 KiB, 1 MiB), as the figures are written. */
const BYTE_STEPS = [0, 1, 2, 3, 4].flatMap((power) => [1, 2, 5, 10, 20, 50, 100, 200, 500].map((step) => step * 1024 ** power));
const formatPercent = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)}%`;
const formatCount = (value: number) => (Number.isInteger(value) ? String(value) : '');

/** Live figures computed as docker stats computes them, drawn over the last few minutes. */
export function StatsView({ engineId, id, name, running }: { engineId: string; id: string; name: string; running: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  // Samples are kept with the container they came from, and a new subscription's first sample starts a new series:
  // another container's (or an earlier run's) figures are never drawn as this one's.
  const source = `${id}@${engineId}`;
  const [series, setSeries] = useState<{ source: string; samples: StatsSample[] }>({ source, samples: [] });
  useEffect(() => {
    if (!running) return;
    let first = true;
    return client.subscribe('containers:stats', { engineId, id }, {
      onEvent: (sample) => {
        const restart = first;
        first = false;
        setSeries((current) => ({ source, samples: restart ? [sample] : [...current.samples.slice(-(KEEP - 1)), sample] }));
      },
    });
  }, [client, engineId, id, running, source]);
  const samples = useMemo(() => (running && series.source === source ? series.samples : []), [running, series, source]);

  // Lines change only with the language, so the plots are built once; the data changes with every sample.
  const lines = useMemo(
    () => ({
      cpu: [{ label: t('stats.cpu'), color: BLUE }],
      memory: [{ label: t('stats.memory'), color: PURPLE }],
      network: [
        { label: t('stats.received'), color: BLUE },
        { label: t('stats.sent'), color: ORANGE },
      ],
      block: [
        { label: t('stats.read'), color: GREEN },
        { label: t('stats.written'), color: ORANGE },
      ],
      pids: [{ label: t('stats.pids'), color: GREEN }],
    }),
    [t],
  );
  const data = useMemo(() => {
    const x = times(samples);
    return {
      cpu: [x, samples.map((sample) => sample.cpuPercent)],
      memory: [x, samples.map((sample) => sample.memoryUsed)],
      network: [x, ratePerSecond(samples, 'networkRx'), ratePerSecond(samples, 'networkTx')],
      block: [x, ratePerSecond(samples, 'blockRead'), ratePerSecond(samples, 'blockWrite')],
      pids: [x, samples.map((sample) => sample.pids)],
    } satisfies Record<string, uPlot.AlignedData>;
  }, [samples]);
  const formatRate = useCallback((value: number) => t('stats.perSecond', { value: formatBytes(value) }), [t]);

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
          <dd data-stat="network">
            {formatBytes(latest.networkRx)} / {formatBytes(latest.networkTx)}
          </dd>
          <dt>{t('stats.block')}</dt>
          <dd data-stat="block">
            {formatBytes(latest.blockRead)} / {formatBytes(latest.blockWrite)}
          </dd>
          <dt>{t('stats.pids')}</dt>
          <dd data-stat="pids">{latest.pids}</dd>
        </dl>
      ) : null}
      {running ? (
        <div className="stats-charts">
          <Chart label={t('stats.cpuChart')} lines={lines.cpu} data={data.cpu} format={formatPercent} />
          <Chart label={t('stats.memoryChart')} lines={lines.memory} data={data.memory} format={formatBytes} incrs={BYTE_STEPS} />
          <Chart label={t('stats.networkChart')} lines={lines.network} data={data.network} format={formatRate} incrs={BYTE_STEPS} />
          <Chart label={t('stats.blockChart')} lines={lines.block} data={data.block} format={formatRate} incrs={BYTE_STEPS} />
          <Chart label={t('stats.pidsChart')} lines={lines.pids} data={data.pids} format={formatCount} />
        </div>
      ) : null}
    </div>
  );
}
