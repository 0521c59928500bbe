import { z } from 'zod'
import { query } from '../spec'
import { isoDate } from '../fields'
import type { EnrolmentFilter } from './enrolments'

/** Where a counter leads: a screen and exactly the filter that lists its rows. */
export type CounterTarget =
  | { screen: 'enrolments'; filter: EnrolmentFilter }
  | { screen: 'sessions'; filter: { ids: number[] } }
  | { screen: 'recruitment'; filter: { eventIds?: number[]; sessionIds?: number[] } }
  | { screen: 'attendance'; filter: { month: string; sessionIds: number[] } }
  | { screen: 'exitReports'; filter: { enrolmentIds: number[] } }
  | { screen: 'quotes'; filter: { ids: number[] } }
  | { screen: 'invoices'; filter: { ids: number[] } }

export type DashboardItem = { id: number; label: string; detail: string; date: string | null; target: CounterTarget }

export type DashboardCounter = {
  key:
    | 'entries_todo'
    | 'entries_late'
    | 'declarations_todo'
    | 'declarations_late'
    | 'to_validate'
    | 'no_result'
    | 'attendance_to_enter'
    | 'attendance_late'
    | 'no_future_slot'
    | 'exit_reports_due'
    | 'quotes_waiting'
    | 'quotes_to_file'
    | 'invoices_to_deposit'
    | 'invoices_unpaid_30'
    | 'invoices_unpaid_60'
  label: string
  count: number
  severity: 'ok' | 'todo' | 'late'
  /** What a click opens: the grid filtered to exactly these rows. */
  target: CounterTarget
  /** The first rows, for the to-do lists of the dashboard. */
  items: DashboardItem[]
}

export type Dashboard = {
  today: string
  counters: DashboardCounter[]
  /** Undeclared KAIROS events by age: 0–3 days, 4–7, 8–30, over 30. */
  declarationsByAge: { label: string; count: number }[]
}

export const dashboardOps = {
  /** The pilotage page as of `today` (the date picker shows it as of another day). */
  'dashboard:get': query<Dashboard>()(z.object({ today: isoDate('La date').optional() }).strict())
}
