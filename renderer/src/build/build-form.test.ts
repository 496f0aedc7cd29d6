import { describe, expect, it } from 'vitest';
import { EMPTY_BUILD_FORM, readBuildForm, refusalMessage } from './build-form';

const form = (values: Partial<typeof EMPTY_BUILD_FORM>) => readBuildForm({ ...EMPTY_BUILD_FORM, ...values });

describe('the Build form', () => {
  it('reads tags, build args (values may hold "=" and spaces), target and platform', () => {
    expect(
      form({ contextPath: ' /src/app ', tags: 'app:1, app:latest\nregistry.local:5000/team/app:2', buildArgs: 'A=1\n\nURL=http://x/?a=b c\nEMPTY=', target: 'final', platform: 'linux/arm64/v8', noCache: true }),
    ).toEqual({
      messages: {},
      options: {
        contextPath: '/src/app',
        dockerfile: 'Dockerfile',
        tags: ['app:1', 'app:latest', 'registry.local:5000/team/app:2'],
        buildArgs: [
          { name: 'A', value: '1' },
          { name: 'URL', value: 'http://x/?a=b c' },
          { name: 'EMPTY', value: '' },
        ],
        target: 'final',
        platform: 'linux/arm64/v8',
        noCache: true,
        pull: false,
        builder: 'auto',
      },
    });
  });

  it('says what is wrong by field, and reads nothing until all of it reads', () => {
    const result = form({ contextPath: 'relative/path', dockerfile: 'Docker\u0000file', tags: 'Bad:Tag', buildArgs: 'NOVALUE', target: '1st', platform: 'linux amd64' });
    expect(result.options).toBeUndefined();
    expect(result.messages).toEqual({
      contextPath: { key: 'build.errors.absolute' },
      dockerfile: { key: 'build.errors.dockerfilePath' },
      tags: { key: 'build.errors.tag', params: { tag: 'Bad:Tag' } },
      buildArgs: { key: 'build.errors.buildArg', params: { line: 'NOVALUE' } },
      target: { key: 'build.errors.target' },
      platform: { key: 'build.errors.platform' },
    });
    expect(form({}).messages).toEqual({ contextPath: { key: 'build.errors.folderNeeded' } });
  });

  it('takes a Dockerfile outside the folder, as docker build -f ../Dockerfile does, or an absolute one', () => {
    expect(form({ contextPath: '/src/app', dockerfile: '../Dockerfile' })).toMatchObject({ messages: {}, options: { dockerfile: '../Dockerfile' } });
    expect(form({ contextPath: '/src/app', dockerfile: '/etc/minato/Dockerfile' })).toMatchObject({ messages: {}, options: { dockerfile: '/etc/minato/Dockerfile' } });
  });

  it('puts an engine refusal next to the field it is about', () => {
    expect(refusalMessage({ kind: 'build-refused', field: 'dockerfile', reason: 'no-dockerfile' })).toEqual({ field: 'dockerfile', message: { key: 'build.refused.no-dockerfile' } });
  });
});
