import type { quoteOps } from '@shared/api/areas/quotes'
import { enrolmentFunding, sessionFunders, setEnrolmentFunding, setSessionFunders } from '../../services/quotes/fundingService'
import { exportQuotes } from '../../services/quotes/quoteExport'
import { getQuote, listCandidates, listQuotes, quoteSettings } from '../../services/quotes/quoteQueries'
import { createQuotes, markQuotesFiled, setQuoteSettings, supersedeQuote, transitionQuoteStep, updateQuote } from '../../services/quotes/quoteService'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

const today = (call: { clock: { now(): Date } }): string => call.clock.now().toISOString().slice(0, 10)

export const quoteHandlers: AreaHandlers<typeof quoteOps> = {
  'quotes:list': (filter, call) => listQuotes(call.db, filter, today(call)),
  'quotes:get': ({ id }, call) => getQuote(call.db, id, today(call)),
  'quotes:candidates': ({ sessionId }, { db }) => listCandidates(db, sessionId),
  'quotes:create': (input, call) => createQuotes(services(call), input),
  'quotes:update': (input, call) => updateQuote(services(call), input),
  'quotes:transition': (input, call) => transitionQuoteStep(services(call), input),
  'quotes:markFiled': (input, call) => markQuotesFiled(services(call), input),
  'quotes:supersede': (input, call) => supersedeQuote(services(call), input),
  'quotes:export': ({ format, ...filter }, call) => exportQuotes(call.db, filter, format, today(call)),
  'quotes:sessionFunding': ({ sessionId }, { db }) => sessionFunders(db, sessionId),
  'quotes:setSessionFunding': ({ sessionId, funders }, call) => setSessionFunders(services(call), sessionId, funders),
  'quotes:enrolmentFunding': ({ enrolmentId }, { db }) => enrolmentFunding(db, enrolmentId),
  'quotes:setEnrolmentFunding': ({ enrolmentId, funding, fundingReference, employerName }, call) =>
    setEnrolmentFunding(services(call), enrolmentId, funding, fundingReference, employerName),
  'quotes:settings': (_input, { db }) => quoteSettings(db),
  'quotes:setSettings': (input, call) => setQuoteSettings(services(call), input)
}
