const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Decimal units with three significant digits, as `docker image ls` prints sizes ("1.98MB"), so the two agree. */
export function formatImageSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 999.5 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${Number(value.toPrecision(3))}${UNITS[unit]}`;
}
