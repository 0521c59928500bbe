import { AG_GRID_LOCALE_FR } from '@ag-grid-community/locale'

/** AG Grid's French texts, with the few wordings a French back-office expects. */
export const gridLocaleFr: Record<string, string> = {
  ...AG_GRID_LOCALE_FR,
  dateFormatOoo: 'jj/mm/aaaa',
  noRowsToShow: 'Aucune ligne à afficher',
  loadingOoo: 'Chargement…',
  searchOoo: 'Rechercher…',
  filterOoo: 'Filtrer…'
}
