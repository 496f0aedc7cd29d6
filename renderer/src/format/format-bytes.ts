const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Binary units, as docker stats prints memory. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)}${UNITS[unit]}`;
}
