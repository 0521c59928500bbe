import { Menu, type MenuItemConstructorOptions } from 'electron'

/**
 * The installed app's menu: what a clerk uses (copy, paste, undo, zoom, quit), in French, without
 * Electron's default View menu (reload, developer tools). macOS needs an Edit menu for the
 * clipboard shortcuts to work at all.
 */
export function productionMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const edit: MenuItemConstructorOptions = {
    label: 'Édition',
    submenu: [
      { role: 'undo', label: 'Annuler' },
      { role: 'redo', label: 'Rétablir' },
      { type: 'separator' },
      { role: 'cut', label: 'Couper' },
      { role: 'copy', label: 'Copier' },
      { role: 'paste', label: 'Coller' },
      { role: 'selectAll', label: 'Tout sélectionner' }
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: 'Affichage',
    submenu: [
      { role: 'resetZoom', label: 'Taille réelle' },
      { role: 'zoomIn', label: 'Zoom avant' },
      { role: 'zoomOut', label: 'Zoom arrière' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Plein écran' }
    ]
  }
  const app: MenuItemConstructorOptions = {
    label: 'Passerelle',
    submenu: [{ role: 'about', label: 'À propos de Passerelle' }, { type: 'separator' }, { role: 'quit', label: 'Quitter Passerelle' }]
  }
  return platform === 'darwin' ? [app, edit, view, { role: 'windowMenu', label: 'Fenêtre' }] : [edit, view]
}

export function productionMenu(): Menu {
  return Menu.buildFromTemplate(productionMenuTemplate(process.platform))
}
