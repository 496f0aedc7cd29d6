import { startThrottledRelay } from './throttled-relay';

export interface SlowUpload {
  /** host:port of the relay: a loopback address, so the engine pushes to it over plain HTTP as to the registry. */
  address: string;
  /** Bytes carried towards the registry so far. */
  sent(): number;
  /** Connections still open. */
  open(): number;
  stop(): Promise<void>;
}

/** A relay that carries what the engine sends at `bytesPerSecond` (answers at full speed): a push still running when a test acts. */
export async function startSlowUpload(target: string, bytesPerSecond: number): Promise<SlowUpload> {
  const relay = await startThrottledRelay(target, bytesPerSecond, 'upload');
  return { address: relay.address, sent: relay.carried, open: () => relay.openConnections().length, stop: relay.stop };
}
