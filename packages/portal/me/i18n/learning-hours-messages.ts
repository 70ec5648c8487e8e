// Texts of the "My learning hours" section, Swedish first. `{'@'}`, `{`, `}` and `|` are vue-i18n syntax.
export const learningHoursMessages = {
  sv: {
    learningHours: {
      title: 'Mina lärtimmar',
      intro:
        'Timmarna från lärtillfällen du deltagit i, per månad och arbetsplats. Bekräfta dina timmar varje månad; sedan attesterar din chef dem.',
      error: 'Dina lärtimmar kunde inte hämtas.',
      empty: 'Du har inga lärtimmar ännu.',
      caption: 'Mina lärtimmar per månad',
      columns: {
        month: 'Månad',
        workplace: 'Arbetsplats',
        hours: 'Timmar',
        confirmed: 'Bekräftade',
        attested: 'Attesterade',
        status: 'Läge',
        action: 'Åtgärd',
      },
      status: {
        UNCONFIRMED: 'Väntar på att du bekräftar',
        CONFIRMED: 'Bekräftad, väntar på chefens attest',
        ATTESTED: 'Attesterad',
      },
      confirm: 'Bekräfta timmarna för {month} på {workplace}',
      confirmed: 'Du har bekräftat {hours} timmar för {month} på {workplace}.',
      errors: {
        CONFLICT: 'Timmarna kan inte bekräftas: det finns inga obekräftade timmar, eller så är månaden stängd.',
        FORBIDDEN: 'Bara du själv kan bekräfta dina timmar.',
        other: 'Timmarna kunde inte bekräftas.',
      },
    },
  },
  en: {
    learningHours: {
      title: 'My learning hours',
      intro:
        'The hours of learning sessions you took part in, per month and workplace. Confirm your hours each month; then your manager attests them.',
      error: 'Your learning hours could not be fetched.',
      empty: 'You have no learning hours yet.',
      caption: 'My learning hours per month',
      columns: {
        month: 'Month',
        workplace: 'Workplace',
        hours: 'Hours',
        confirmed: 'Confirmed',
        attested: 'Attested',
        status: 'State',
        action: 'Action',
      },
      status: {
        UNCONFIRMED: 'Waiting for you to confirm',
        CONFIRMED: "Confirmed, waiting for the manager's attestation",
        ATTESTED: 'Attested',
      },
      confirm: 'Confirm the hours of {month} at {workplace}',
      confirmed: 'You confirmed {hours} hours of {month} at {workplace}.',
      errors: {
        CONFLICT: 'The hours cannot be confirmed: there are no unconfirmed hours, or the month is closed.',
        FORBIDDEN: 'Only you can confirm your own hours.',
        other: 'The hours could not be confirmed.',
      },
    },
  },
};
