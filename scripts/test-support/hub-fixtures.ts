import type { StandinRepository } from './hub-standin';

/** What the tests' Hub stand-in holds: an official image with many tags, and a community image. */
export function standinRepositories(): StandinRepository[] {
  const tag = (name: string, digit: string, platforms: string[]) => ({ name, digest: `sha256:${digit.repeat(64)}`, size: 4_200_000, lastPushed: '2026-10-01T12:00:00.000000Z', platforms });
  return [
    {
      namespace: 'library',
      name: 'busybox',
      description: 'Busybox base image.',
      readme:
        '# Quick reference\n\nBusyBox combines tiny versions of many common UNIX utilities.\n\n```console\n$ docker run -it --rm busybox\n```\n\n' +
        '![logo](https://images.example.invalid/busybox.png)\n\n<script>window.readmeRan = true</script>\n\n[Click me](javascript:window.readmeRan=true) and [the docs](https://busybox.net/).\n',
      stars: 3400,
      pulls: 7_000_000_000,
      official: true,
      tags: Array.from({ length: 30 }, (_, index) => tag(index === 0 ? 'latest' : `1.${36 - index}`, String(index % 10), ['linux/amd64', 'linux/arm64/v8', 'unknown/unknown'])),
    },
    {
      namespace: 'minatotest',
      name: 'busybox-tools',
      description: 'A community image built on busybox.',
      readme: 'Tools.',
      stars: 12,
      pulls: 3400,
      official: false,
      tags: [tag('latest', 'a', ['linux/amd64'])],
    },
    {
      // More tags than one page of Hub's tag list holds (100): the pull field must page through them.
      namespace: 'minatotest',
      name: 'many-tags',
      description: 'A repository with 250 tags.',
      readme: 'Many tags.',
      stars: 1,
      pulls: 10,
      official: false,
      tags: Array.from({ length: 250 }, (_, index) => tag(`v${index}`, String(index % 10), ['linux/amd64'])),
    },
  ];
}
