import type { appOps } from '../../../../shared/api/areas/app'
import { schemaVersion } from '../../db/migrate'
import { generateDemoData } from '../../demo/generateDemoData'
import { listClerks, selectClerk } from '../../services/clerks/clerkService'
import { getOrganisation } from '../../services/organisation/organisationService'
import { getOverview, isDatabaseEmpty } from '../../services/overview/overviewService'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const appHandlers: AreaHandlers<typeof appOps> = {
  'app:state': (_input, { db, host, actor }) => ({
    version: host.version,
    host: host.kind,
    dbPath: host.dbPath,
    schemaVersion: schemaVersion(db),
    // The calling window's clerk (each window writes under its own name).
    clerk: actor && actor.clerkId !== null ? { id: actor.clerkId, name: actor.name } : null,
    clerks: listClerks(db),
    organisationName: getOrganisation(db).raisonSociale,
    empty: isDatabaseEmpty(db)
  }),
  'app:overview': (_input, { db }) => getOverview(db),
  'clerks:select': ({ name }, { db, clock, actor }) => selectClerk(db, clock, name, actor?.name ?? null),
  'demo:generate': (input, call) => generateDemoData(services(call), input)
}
