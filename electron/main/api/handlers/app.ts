import type { appOps } from '@shared/api/areas/app'
import { schemaVersion } from '../../db/migrate'
import { listClerks } from '../../services/clerks/clerkService'
import { getOrganisation } from '../../services/organisation/organisationService'
import { getOverview, isDatabaseEmpty } from '../../services/overview/overviewService'
import { requestStatus } from '../requestLedger'
import type { AreaHandlers } from '../types'

export const appHandlers: AreaHandlers<typeof appOps> = {
  'app:state': (_input, { db, host, actor }) => ({
    version: host.version,
    host: host.kind,
    dbPath: host.dbPath,
    logDir: host.logDir ?? null,
    schemaVersion: schemaVersion(db),
    // The calling window's clerk (each window writes under its own name).
    clerk: actor && actor.clerkId !== null ? { id: actor.clerkId, name: actor.name } : null,
    clerks: listClerks(db),
    organisationName: getOrganisation(db).raisonSociale,
    empty: isDatabaseEmpty(db)
  }),
  'app:overview': (_input, { db }) => getOverview(db),
  'app:requestStatus': ({ key }, { db }) => requestStatus(db, key)
}
