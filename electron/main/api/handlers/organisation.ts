import type { organisationOps } from '@shared/api/areas/organisation'
import {
  getOrganisation,
  removeOrganisationLogo,
  setOrganisationLogo,
  updateOrganisation
} from '../../services/organisation/organisationService'
import { services } from '../serviceContext'
import type { AreaHandlers } from '../types'

export const organisationHandlers: AreaHandlers<typeof organisationOps> = {
  'organisation:get': (_input, { db }) => getOrganisation(db),
  'organisation:update': (input, call) => updateOrganisation(services(call), input),
  'organisation:setLogo': ({ mime, base64 }, call) => setOrganisationLogo(services(call), mime, base64),
  'organisation:removeLogo': (_input, call) => removeOrganisationLogo(services(call))
}
