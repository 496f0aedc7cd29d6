const SPACE = 0x20;
const NEWLINE = 0x0a;
/** RFC 3339 with nanoseconds, as the engine prints it: "2024-05-01T12:34:56.123456789Z". */
const LONGEST_TIMESTAMP = 40;

function startsWithTimestamp(payload: Buffer, space: number): boolean {
  return space >= 20 && space <= LONGEST_TIMESTAMP && payload[4] === 0x2d && payload[10] === 0x54;
}

/**
 * The engine's log drivers cut a line longer than 16 KB into partial messages, and with `timestamps=1` every part
 * carries its own timestamp. For one line to come out whole, the timestamp of each continuation part is dropped:
 * a message continues a line when the one before it did not end with a newline. Feed it one message at a time
 * (one multiplexed frame), per stream.
 */
export function createPartialJoiner(write: (payload: Buffer) => void): (message: Buffer) => void {
  let midLine = false;
  return (message) => {
    if (message.length === 0) return;
    let body = message;
    if (midLine) {
      const space = message.indexOf(SPACE);
      if (startsWithTimestamp(message, space)) body = message.subarray(space + 1);
    }
    midLine = message[message.length - 1] !== NEWLINE;
    write(body);
  };
}
