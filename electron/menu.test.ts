import { describe, expect, it } from 'vitest';
import { menuRoles, menuTemplate } from './menu';

const DEVELOPER_ROLES = ['toggleDevTools', 'reload', 'forceReload'];

describe('application menu', () => {
  it.each(['darwin', 'linux', 'win32'] as const)('has no developer tools or reload in production (%s)', (platform) => {
    const roles = menuRoles(menuTemplate({ platform, development: false }));
    for (const role of DEVELOPER_ROLES) expect(roles).not.toContain(role);
    // A role-only top-level menu would bring Electron's default submenu, which holds the developer tools.
    expect(roles).toEqual(expect.arrayContaining(['viewMenu', 'zoomIn', 'togglefullscreen', 'editMenu']));
  });

  it('offers them in development', () => {
    expect(menuRoles(menuTemplate({ platform: 'linux', development: true }))).toEqual(expect.arrayContaining(DEVELOPER_ROLES));
  });

  it('gives every top-level menu an explicit submenu where the default would include developer tools', () => {
    const view = menuTemplate({ platform: 'darwin', development: false }).find((item) => item.role === 'viewMenu');
    expect(Array.isArray(view?.submenu)).toBe(true);
  });
});
