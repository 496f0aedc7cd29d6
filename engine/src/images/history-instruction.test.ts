import { describe, expect, it } from 'vitest';
import { historyInstruction } from './history-instruction';

// CreatedBy texts as the classic builder, BuildKit, commit and import write them (Docker 20.10 to 28).
describe('historyInstruction', () => {
  it('reads the classic builder: metadata steps and shell lines', () => {
    expect(historyInstruction('/bin/sh -c #(nop)  CMD ["sh"]')).toBe('CMD ["sh"]');
    expect(historyInstruction('/bin/sh -c #(nop) ADD file:9a4f77dfaba7fd2aa78186e4ef0e7486ad55101cefc1fabbc1b385601bb38920 in / ')).toBe(
      'ADD file:9a4f77dfaba7fd2aa78186e4ef0e7486ad55101cefc1fabbc1b385601bb38920 in /',
    );
    expect(historyInstruction('/bin/sh -c apk add --no-cache curl')).toBe('RUN apk add --no-cache curl');
    expect(historyInstruction('|2 VERSION=1.2 MODE=fast /bin/sh -c make install')).toBe('RUN make install');
  });

  it('keeps BuildKit instructions without their marker', () => {
    expect(historyInstruction('RUN /bin/sh -c echo hi > /x # buildkit')).toBe('RUN /bin/sh -c echo hi > /x');
    expect(historyInstruction('COPY . /app # buildkit')).toBe('COPY . /app');
    expect(historyInstruction('WORKDIR /app')).toBe('WORKDIR /app');
  });

  it('leaves a commit or import entry as it is', () => {
    expect(historyInstruction('sleep 300')).toBe('sleep 300');
    expect(historyInstruction('')).toBe('');
  });

  it('masks secrets an ENV or a URL carries', () => {
    expect(historyInstruction('/bin/sh -c #(nop)  ENV DB_PASSWORD=hunter2')).not.toContain('hunter2');
    expect(historyInstruction('/bin/sh -c curl https://bob:s3cret@example.com/x')).not.toContain('s3cret');
  });
});
