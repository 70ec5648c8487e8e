// The texts of a workplace's staff list, Swedish first. `@`, `{`, `}` and `|` are vue-i18n syntax: write {'@'}.
export const staffMessages = {
  sv: {
    staff: {
      title: 'Personal',
      caption: 'Personal på {name}',
      search: 'Sök personal på namn',
      status: 'Anställning',
      allStatuses: 'Alla, även avslutade',
      statusValue: { CURRENT: 'Pågående', UPCOMING: 'Kommande', ENDED: 'Avslutad' },
      empty: 'Ingen personal matchar.',
      error: 'Personalen kunde inte hämtas.',
      hidden: 'Dold',
      ongoing: 'Tills vidare',
      columns: {
        name: 'Namn',
        email: 'E-post',
        employeeNumber: 'Anställningsnummer',
        title: 'Befattning',
        startsOn: 'Från',
        endsOn: 'Till',
        status: 'Status',
      },
    },
  },
  en: {
    staff: {
      title: 'Staff',
      caption: 'Staff of {name}',
      search: 'Search staff by name',
      status: 'Employment',
      allStatuses: 'All, ended ones too',
      statusValue: { CURRENT: 'Current', UPCOMING: 'Upcoming', ENDED: 'Ended' },
      empty: 'No staff match.',
      error: 'The staff could not be loaded.',
      hidden: 'Hidden',
      ongoing: 'Until further notice',
      columns: {
        name: 'Name',
        email: 'E-mail',
        employeeNumber: 'Employee number',
        title: 'Title',
        startsOn: 'From',
        endsOn: 'Until',
        status: 'Status',
      },
    },
  },
};
