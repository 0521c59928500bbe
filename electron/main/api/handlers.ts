import type { Op, Output, Parsed } from '../../../shared/api/contract'
import { AppError } from '../../../shared/api/result'
import type { Db } from '../db/open'
import { schemaVersion } from '../db/migrate'
import { currentClerk, listClerks, selectClerk } from '../services/clerks/clerkService'
import type { Actor, Clock, ServiceContext } from '../services/context'
import { generateDemoData } from '../demo/generateDemoData'
import {
  getOrganisation,
  removeOrganisationLogo,
  setOrganisationLogo,
  updateOrganisation
} from '../services/organisation/organisationService'
import { getOverview, isDatabaseEmpty } from '../services/overview/overviewService'
import { createTrainee, deleteTrainee, getTrainee, listTrainees, updateTrainee } from '../services/trainees/traineeService'

export type HostInfo = { kind: 'electron' | 'browser'; version: string; dbPath: string }

export type Backend = { db: Db; clock: Clock; host: HostInfo }

/** What each handler receives: the backend, and the actor for operations that write. */
export type CallContext = Backend & { actor: Actor | null }

// Handlers may be async (PDF batches, imports run off the main thread); SQL itself stays synchronous.
type Handler<O extends Op> = (input: Parsed<O>, call: CallContext) => Output<O> | Promise<Output<O>>
/** One handler per operation of the contract: a missing one does not compile. */
export type Handlers = { [O in Op]: Handler<O> }

function services(call: CallContext): ServiceContext {
  if (!call.actor) throw new AppError('no_clerk', "Indiquez d'abord votre nom (menu Utilisateur) : chaque modification est tracée.")
  return { db: call.db, clock: call.clock, actor: call.actor }
}

export const handlers: Handlers = {
  'app:state': (_input, { db, host }) => {
    const organisationName = getOrganisation(db).raisonSociale
    return {
      version: host.version,
      host: host.kind,
      dbPath: host.dbPath,
      schemaVersion: schemaVersion(db),
      clerk: currentClerk(db),
      clerks: listClerks(db),
      organisationName,
      empty: isDatabaseEmpty(db)
    }
  },
  'app:overview': (_input, { db }) => getOverview(db),
  'clerks:select': ({ name }, { db, clock }) => selectClerk(db, clock, name),
  'demo:generate': (input, call) => generateDemoData(services(call), input),

  'organisation:get': (_input, { db }) => getOrganisation(db),
  'organisation:update': (input, call) => updateOrganisation(services(call), input),
  'organisation:setLogo': ({ mime, base64 }, call) => setOrganisationLogo(services(call), mime, base64),
  'organisation:removeLogo': (_input, call) => removeOrganisationLogo(services(call)),

  'trainees:list': ({ search }, { db }) => listTrainees(db, search),
  'trainees:get': ({ id }, { db }) => getTrainee(db, id),
  'trainees:create': (input, call) => createTrainee(services(call), input),
  'trainees:update': ({ id, changes }, call) => updateTrainee(services(call), id, changes),
  'trainees:delete': ({ id }, call) => deleteTrainee(services(call), id)
}
