import type { invoiceOps } from '@shared/api/areas/invoices'
import { createFromEnrolment, createFromSession, deleteDraft, sessionInvoiceFunders, updateDraft } from '../../services/invoices/invoiceDrafts'
import { exportInvoices } from '../../services/invoices/invoiceExport'
import { writeInvoiceFile } from '../../services/invoices/invoiceFiles'
import { addPayment, recordDeposit } from '../../services/invoices/invoiceFollowUp'
import { checkInvoice, createCreditNote, issueInvoice } from '../../services/invoices/invoiceIssue'
import { getInvoice, listInvoices } from '../../services/invoices/invoiceQueries'
import { invoiceSettings, setInvoiceSettings } from '../../services/invoices/invoiceSettings'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

const today = (call: { clock: { now(): Date } }): string => call.clock.now().toISOString().slice(0, 10)

export const invoiceHandlers: AreaHandlers<typeof invoiceOps> = {
  'invoices:list': (filter, call) => listInvoices(call.db, filter, today(call)),
  'invoices:get': ({ id }, call) => getInvoice(call.db, id, today(call)),
  'invoices:sessionFunders': ({ sessionId }, { db }) => sessionInvoiceFunders(db, sessionId),
  'invoices:createFromSession': (input, call) => createFromSession(services(call), input),
  'invoices:createFromEnrolment': (input, call) => createFromEnrolment(services(call), input),
  'invoices:updateDraft': (input, call) => updateDraft(services(call), input),
  'invoices:deleteDraft': ({ id }, call) => deleteDraft(services(call), id),
  'invoices:check': ({ id }, { db }) => checkInvoice(db, id),
  'invoices:issue': (input, call) => issueInvoice(services(call), input),
  'invoices:deposit': (input, call) => recordDeposit(services(call), input),
  'invoices:addPayment': (input, call) => addPayment(services(call), input),
  'invoices:creditNote': (input, call) => createCreditNote(services(call), input),
  'invoices:file': ({ id }, { db }) => writeInvoiceFile(db, id),
  'invoices:settings': (_input, { db }) => invoiceSettings(db),
  'invoices:setSettings': (input, call) => setInvoiceSettings(services(call), input),
  'invoices:export': ({ format, ...filter }, call) => exportInvoices(call.db, filter, format, today(call))
}
