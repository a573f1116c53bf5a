/** The application menu: the shell's few words, in both languages, as the system speaks. */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export const MENU_TEXT = {
  zh: {
    file: '文件',
    newCongress: '新建大会…',
    open: '打开大会文件…',
    backup: '保存备份副本…',
    quit: '退出',
    edit: '编辑',
    view: '视图',
    window: '窗口',
    board: '打开出席看板窗口',
    congressFiles: '大会文件',
  },
  en: {
    file: 'File',
    newCongress: 'New congress…',
    open: 'Open congress file…',
    backup: 'Save backup copy…',
    quit: 'Quit',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    board: 'Open attendance board window',
    congressFiles: 'Congress files',
  },
};
export const menuText = () => (app.getLocale().toLowerCase().startsWith('en') ? MENU_TEXT.en : MENU_TEXT.zh);

/** What the menu's items do: the main process's windows and file dialogs. */
export interface MenuActions {
  newCongress(): void;
  open(): void;
  backup(): void;
  board(): void;
}

export function buildMenu(actions: MenuActions): Menu {
  const t = menuText();
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: t.file,
      submenu: [
        { label: t.newCongress, accelerator: 'CmdOrCtrl+N', click: actions.newCongress },
        { label: t.open, accelerator: 'CmdOrCtrl+O', click: actions.open },
        { label: t.backup, accelerator: 'CmdOrCtrl+Shift+S', click: actions.backup },
        { type: 'separator' },
        { label: t.quit, role: 'quit' },
      ],
    },
    { label: t.edit, role: 'editMenu' },
    {
      label: t.view,
      submenu: [
        ...(app.isPackaged
          ? []
          : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: t.window,
      submenu: [
        { label: t.board, accelerator: 'CmdOrCtrl+Shift+B', click: actions.board },
        { type: 'separator' },
        { role: 'minimize' },
        { role: 'close' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
