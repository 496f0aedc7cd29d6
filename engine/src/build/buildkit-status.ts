/**
 * BuildKit's progress as the engine sends it on `/build?version=2`: each `moby.buildkit.trace` line carries one
 * protobuf-encoded `moby.buildkit.v1.StatusResponse` (github.com/moby/buildkit api/services/control/control.proto),
 * base64 in JSON. This decodes the fields Minato shows (vertexes, their progress and logs, warnings) and skips every
 * other field by its wire type, so a newer engine's additions are passed over, not misread.
 */

export interface BuildVertex {
  digest: string;
  name: string;
  cached: boolean;
  started?: number;
  completed?: number;
  error?: string;
}

export interface BuildVertexStatus {
  id: string;
  vertex: string;
  name: string;
  current: number;
  total: number;
  completed?: number;
}

export interface BuildVertexLog {
  vertex: string;
  /** 1 stdout, 2 stderr. */
  stream: number;
  data: Uint8Array;
}

export interface BuildWarning {
  vertex: string;
  short: string;
}

export interface BuildStatus {
  vertexes: BuildVertex[];
  statuses: BuildVertexStatus[];
  logs: BuildVertexLog[];
  warnings: BuildWarning[];
}

/** Protobuf's wire format, read forward: varints, length-delimited fields, fixed 32/64-bit fields. */
class Reader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  done(): boolean {
    return this.offset >= this.bytes.length;
  }

  varint(): number {
    let value = 0;
    let scale = 1;
    for (let shift = 0; shift < 70; shift += 7) {
      if (this.offset >= this.bytes.length) throw new Error('truncated varint');
      const byte = this.bytes[this.offset++] as number;
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return value;
      scale *= 128;
    }
    throw new Error('varint too long');
  }

  chunk(): Uint8Array {
    const length = this.varint();
    const end = this.offset + length;
    if (end > this.bytes.length) throw new Error('truncated field');
    const part = this.bytes.subarray(this.offset, end);
    this.offset = end;
    return part;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.offset += 8;
    else if (wireType === 2) this.chunk();
    else if (wireType === 5) this.offset += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }

  /** Each field in turn: its number and wire type. */
  *fields(): Generator<{ field: number; wireType: number }> {
    while (!this.done()) {
      const key = this.varint();
      yield { field: Math.floor(key / 8), wireType: key % 8 };
    }
  }
}

const text = new TextDecoder();
const str = (reader: Reader) => text.decode(reader.chunk());

/** google.protobuf.Timestamp as epoch milliseconds. */
function timestamp(bytes: Uint8Array): number {
  const reader = new Reader(bytes);
  let seconds = 0;
  let nanos = 0;
  for (const { field, wireType } of reader.fields()) {
    if (field === 1 && wireType === 0) seconds = reader.varint();
    else if (field === 2 && wireType === 0) nanos = reader.varint();
    else reader.skip(wireType);
  }
  return seconds * 1000 + Math.floor(nanos / 1e6);
}

function vertex(bytes: Uint8Array): BuildVertex {
  const reader = new Reader(bytes);
  const result: BuildVertex = { digest: '', name: '', cached: false };
  for (const { field, wireType } of reader.fields()) {
    if (field === 1 && wireType === 2) result.digest = str(reader);
    else if (field === 3 && wireType === 2) result.name = str(reader);
    else if (field === 4 && wireType === 0) result.cached = reader.varint() !== 0;
    else if (field === 5 && wireType === 2) result.started = timestamp(reader.chunk());
    else if (field === 6 && wireType === 2) result.completed = timestamp(reader.chunk());
    else if (field === 7 && wireType === 2) result.error = str(reader);
    else reader.skip(wireType);
  }
  return result;
}

function vertexStatus(bytes: Uint8Array): BuildVertexStatus {
  const reader = new Reader(bytes);
  const result: BuildVertexStatus = { id: '', vertex: '', name: '', current: 0, total: 0 };
  for (const { field, wireType } of reader.fields()) {
    if (field === 1 && wireType === 2) result.id = str(reader);
    else if (field === 2 && wireType === 2) result.vertex = str(reader);
    else if (field === 3 && wireType === 2) result.name = str(reader);
    else if (field === 4 && wireType === 0) result.current = reader.varint();
    else if (field === 5 && wireType === 0) result.total = reader.varint();
    else if (field === 8 && wireType === 2) result.completed = timestamp(reader.chunk());
    else reader.skip(wireType);
  }
  return result;
}

function vertexLog(bytes: Uint8Array): BuildVertexLog {
  const reader = new Reader(bytes);
  const result: BuildVertexLog = { vertex: '', stream: 1, data: new Uint8Array() };
  for (const { field, wireType } of reader.fields()) {
    if (field === 1 && wireType === 2) result.vertex = str(reader);
    else if (field === 3 && wireType === 0) result.stream = reader.varint();
    else if (field === 4 && wireType === 2) result.data = reader.chunk();
    else reader.skip(wireType);
  }
  return result;
}

function warning(bytes: Uint8Array): BuildWarning {
  const reader = new Reader(bytes);
  const result: BuildWarning = { vertex: '', short: '' };
  for (const { field, wireType } of reader.fields()) {
    if (field === 1 && wireType === 2) result.vertex = str(reader);
    else if (field === 3 && wireType === 2) result.short = str(reader);
    else reader.skip(wireType);
  }
  return result;
}

/** Decodes one StatusResponse; throws on bytes that are not one (the caller logs and goes on). */
export function decodeBuildStatus(bytes: Uint8Array): BuildStatus {
  const reader = new Reader(bytes);
  const status: BuildStatus = { vertexes: [], statuses: [], logs: [], warnings: [] };
  for (const { field, wireType } of reader.fields()) {
    if (wireType !== 2) reader.skip(wireType);
    else if (field === 1) status.vertexes.push(vertex(reader.chunk()));
    else if (field === 2) status.statuses.push(vertexStatus(reader.chunk()));
    else if (field === 3) status.logs.push(vertexLog(reader.chunk()));
    else if (field === 4) status.warnings.push(warning(reader.chunk()));
    else reader.skip(wireType);
  }
  return status;
}
