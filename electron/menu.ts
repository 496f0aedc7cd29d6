import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu, built from Electron's roles only (their labels come from Electron and the OS, so no text of
 * ours needs translating here). Reload and the developer tools exist only in development: in a packaged app they
 * would let anyone at the keyboard run script with the page's access to the engine.
 */
export function menuTemplate(options: { platform: NodeJS.Platform; development: boolean }): MenuItemConstructorOptions[] {
  const developer: MenuItemConstructorOptions[] = options.development
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const view: MenuItemConstructorOptions = {
    role: 'viewMenu',
    submenu: [...developer, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
  ];
}

/** Every role a template reaches, submenus included: what the tests (and a reviewer) check for. */
export function menuRoles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? menuRoles(item.submenu) : []),
  ]);
}
