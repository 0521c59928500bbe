import { daysInMonth, formatDateFr } from '@shared/domain/dates'

/** Monthly attendance is entered from the 25th (domain.md §4): open from the 25th to the end of the month. */
export function attendanceWindow(todayIso: string): { open: boolean; fromIso: string; month: string } {
  const month = todayIso.slice(0, 7)
  const day = Number(todayIso.slice(8, 10))
  if (day >= 25) return { open: true, fromIso: `${month}-25`, month }
  return { open: false, fromIso: `${month}-25`, month }
}

export function attendanceWindowText(todayIso: string): string {
  const w = attendanceWindow(todayIso)
  const last = `${w.month}-${String(daysInMonth(w.month)).padStart(2, '0')}`
  return w.open
    ? `Saisie du mois ouverte depuis le ${formatDateFr(w.fromIso)} (jusqu’au ${formatDateFr(last)}).`
    : `Prochaine ouverture de la saisie le ${formatDateFr(w.fromIso)}.`
}

export type UpcomingCounter = { title: string; rule: string }

/** The to-do counters a later issue brings, described now so the dashboard says what it will watch. */
export const UPCOMING_COUNTERS: UpcomingCounter[] = [
  {
    title: 'Entrées à saisir',
    rule: 'Sessions dont la date de début est passée sans entrée enregistrée, depuis moins de 3 jours.'
  },
  {
    title: 'Entrées en retard',
    rule: 'Même situation depuis 3 jours ou plus : le décret 2019‑1386 impose la déclaration dans les 3 jours.'
  },
  {
    title: 'Déclarations KAIROS en retard',
    rule: 'Entrées, interruptions et sorties non cochées « déclaré dans KAIROS », classées par ancienneté.'
  },
  {
    title: 'Assiduité à saisir',
    rule: 'États de présence du mois à saisir pour chaque stagiaire à partir du 25 : la rémunération en dépend.'
  },
  {
    title: 'Interruptions à déclarer',
    rule: 'Pauses de plus de 15 jours dans un parcours : elles changent la catégorie et les droits du demandeur.'
  },
  {
    title: 'Sessions sans créneau de recrutement',
    rule: 'Recrutement ouvert mais aucune information collective ni rendez-vous à venir pour les prescripteurs.'
  },
  {
    title: 'Devis AIF à déposer',
    rule: 'Devis à transmettre à France Travail au moins 15 jours avant l’entrée en formation.'
  }
]
