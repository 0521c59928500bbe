import type { IconName } from '../components/Icon'

export type Screen = {
  id: string
  path: string
  /** Title in the top bar, the page heading and the window title. */
  title: string
  /** Shorter label in the sidebar when the title is long. */
  navLabel: string
  icon: IconName
  /** Sidebar group heading. */
  group: 'pilotage' | 'parcours' | 'gestion'
  /** Other paths that belong to this screen (a session page belongs to « Formations & sessions »). */
  subPaths?: string[]
}

/** Every screen of docs/domain.md §5, in sidebar order; Alt+1…Alt+9, then Alt+0, follow this order. */
export const SCREENS: Screen[] = [
  { id: 'dashboard', path: '/', title: 'Tableau de bord', navLabel: 'Tableau de bord', icon: 'dashboard', group: 'pilotage' },
  { id: 'trainings', path: '/formations', title: 'Formations & sessions', navLabel: 'Formations & sessions', icon: 'trainings', group: 'parcours', subPaths: ['/sessions'] },
  { id: 'recruitment', path: '/recrutement', title: 'Recrutement', navLabel: 'Recrutement', icon: 'recruitment', group: 'parcours' },
  { id: 'enrolments', path: '/inscriptions', title: 'Inscriptions', navLabel: 'Inscriptions', icon: 'enrolments', group: 'parcours' },
  { id: 'attendance', path: '/assiduite', title: 'Assiduité mensuelle', navLabel: 'Assiduité mensuelle', icon: 'attendance', group: 'parcours' },
  { id: 'trainees', path: '/stagiaires', title: 'Stagiaires', navLabel: 'Stagiaires', icon: 'trainees', group: 'parcours' },
  { id: 'quotes', path: '/devis-factures', title: 'Devis & factures', navLabel: 'Devis & factures', icon: 'quotes', group: 'gestion' },
  { id: 'documents', path: '/documents', title: 'Documents', navLabel: 'Documents', icon: 'documents', group: 'gestion' },
  { id: 'settings', path: '/parametres', title: 'Paramètres', navLabel: 'Paramètres', icon: 'settings', group: 'gestion' },
  { id: 'history', path: '/historique', title: 'Historique des modifications', navLabel: 'Historique', icon: 'history', group: 'gestion' },
  // Last: the ten screens before it keep their Alt+digit shortcuts.
  { id: 'bpf', path: '/bpf', title: 'Bilan pédagogique et financier', navLabel: 'BPF', icon: 'documents', group: 'gestion' }
]

/** Alt+1…Alt+9 for the first nine screens, Alt+0 for the tenth (as on a keyboard's digit row). */
export function navShortcut(index: number): string | null {
  return index < 9 ? `Alt+${index + 1}` : index === 9 ? 'Alt+0' : null
}

export const GROUP_LABELS: Record<Screen['group'], string> = {
  pilotage: 'Pilotage',
  parcours: 'Parcours des stagiaires',
  gestion: 'Gestion'
}

export function screenForPath(pathname: string): Screen | undefined {
  const under = (base: string): boolean => pathname === base || pathname.startsWith(`${base}/`)
  return (
    SCREENS.find((s) => s.path === pathname) ??
    SCREENS.find((s) => s.path !== '/' && under(s.path)) ??
    SCREENS.find((s) => (s.subPaths ?? []).some(under))
  )
}
