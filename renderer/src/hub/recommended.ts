/** Official images people start with: shown on a first visit, before anything is searched. */
export const RECOMMENDED = [
  'library/nginx',
  'library/postgres',
  'library/redis',
  'library/node',
  'library/python',
  'library/alpine',
  'library/ubuntu',
  'library/busybox',
  'library/httpd',
  'library/mysql',
] as const;

/** What `docker pull` is given for a Hub repository: official images without `library/`. */
export const pullNameOf = (repository: string): string => repository.replace(/^library\//, '');
