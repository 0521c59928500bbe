import { FUNDINGS, type Funding } from './enrolment'
import { formatEuros } from './money'

/*
 * Who funds a session (domain.md §2 « funders »), with the teaching cost per hour or per place and
 * the contract or market reference; an enrolment inherits them unless it states its own funding
 * (an AIF-funded person in a region-funded session).
 */

export const SESSION_FUNDERS = {
  region: 'Conseil régional',
  france_travail: 'France Travail (achat collectif)',
  aif: 'AIF France Travail',
  cpf: 'CPF',
  opco: 'OPCO',
  employer: 'Employeur',
  self: 'Autofinancement'
} as const
export type SessionFunderCode = keyof typeof SESSION_FUNDERS
export const SESSION_FUNDER_CODES = Object.keys(SESSION_FUNDERS) as [SessionFunderCode, ...SessionFunderCode[]]

export const COST_UNITS = { hour: 'par heure', place: 'par place' } as const
export type CostUnit = keyof typeof COST_UNITS

export type SessionFunder = { code: SessionFunderCode; teachingCostCents: number | null; costUnit: CostUnit | null; reference: string | null }

/** « Conseil régional — 12,50 € par heure — marché 2026-04 » */
export function funderText(f: SessionFunder): string {
  const cost = f.teachingCostCents !== null ? ` — ${formatEuros(f.teachingCostCents)}${f.costUnit ? ` ${COST_UNITS[f.costUnit]}` : ''}` : ''
  return `${SESSION_FUNDERS[f.code]}${cost}${f.reference ? ` — réf. ${f.reference}` : ''}`
}

/** The enrolment's own funding when stated, else the session's first funder that an enrolment can carry. */
export function effectiveFunding(own: Funding | null, session: readonly SessionFunder[]): { funding: Funding | null; inherited: boolean } {
  if (own !== null) return { funding: own, inherited: false }
  const first = session.map((f) => f.code).find((c): c is Funding & SessionFunderCode => c in FUNDINGS)
  return { funding: first ?? null, inherited: first !== undefined }
}
