// How registration messages name events and people.
import { formatDateFr } from '@shared/domain/dates'
import { RECRUITMENT_EVENT_KINDS, type RecruitmentEventKind } from '@shared/domain/recruitment'

const ARTICLES: Record<RecruitmentEventKind, string> = { info_session: 'l’', appointment: 'le ', application_window: 'le ' }
/** "l’information collective du 12/11/2026", "le rendez-vous individuel du …". */
export const eventName = (e: { kind: RecruitmentEventKind; date: string }) =>
  `${ARTICLES[e.kind]}${RECRUITMENT_EVENT_KINDS[e.kind].toLocaleLowerCase('fr')} du ${formatDateFr(e.date)}`
export const feminine = (kind: RecruitmentEventKind) => kind === 'info_session'
export const capitalised = (s: string) => s.charAt(0).toLocaleUpperCase('fr') + s.slice(1)
export const fullName = (p: { last_name: string; first_name: string }) => `${p.last_name} ${p.first_name}`
export const names = (list: { last_name: string; first_name: string }[]) => list.map(fullName).join(', ')
