export const directoryMessages = {
  sv: {
    organisations: {
      title: 'Medlemsorganisationer',
      caption: 'Medlemsorganisationer',
      search: 'Sök på namn eller organisationsnummer',
      searchButton: 'Sök',
      clear: 'Rensa',
      empty: 'Inga organisationer matchar sökningen.',
      error: 'Organisationerna kunde inte hämtas.',
      columns: { name: 'Namn', organisationNumber: 'Organisationsnummer', kind: 'Typ', principal: 'Huvudman', createdAt: 'Registrerad' },
      kind: { MUNICIPALITY: 'Kommun', REGION: 'Region', OTHER: 'Annan' },
      principal: 'Huvudman',
      count: '{count} organisationer',
    },
  },
  en: {
    organisations: {
      title: 'Member organisations',
      caption: 'Member organisations',
      search: 'Search by name or organisation number',
      searchButton: 'Search',
      clear: 'Clear',
      empty: 'No organisation matches the search.',
      error: 'The organisations could not be fetched.',
      columns: { name: 'Name', organisationNumber: 'Organisation number', kind: 'Kind', principal: 'Principal', createdAt: 'Registered' },
      kind: { MUNICIPALITY: 'Municipality', REGION: 'Region', OTHER: 'Other' },
      principal: 'Principal',
      count: '{count} organisations',
    },
  },
};
