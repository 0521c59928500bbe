/** Paths of the catalogue screens (hash routes). */
export type SessionTab = 'synthese' | 'recrutement' | 'inscrits' | 'entrees' | 'assiduite' | 'planning' | 'bilans' | 'devis' | 'controle'

export const SESSION_TABS: { id: SessionTab; label: string }[] = [
  { id: 'synthese', label: 'Synthèse' },
  { id: 'recrutement', label: 'Recrutement' },
  { id: 'inscrits', label: 'Inscrits' },
  { id: 'entrees', label: 'Entrées' },
  { id: 'assiduite', label: 'Assiduité' },
  { id: 'planning', label: 'Planning' },
  { id: 'bilans', label: 'Bilans' },
  { id: 'devis', label: 'Devis' },
  { id: 'controle', label: 'Contrôle avant facturation' }
]

export function sessionPath(id: number, tab: SessionTab = 'synthese'): string {
  return tab === 'synthese' ? `/sessions/${id}` : `/sessions/${id}/${tab}`
}

export function isSessionTab(s: string | undefined): s is SessionTab {
  return SESSION_TABS.some((t) => t.id === s)
}
