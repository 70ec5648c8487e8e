// Texts of the shared pieces, Swedish first. Each microfrontend keeps its own texts beside its components.
export const sharedMessages = {
  sv: {
    common: {
      loading: 'Laddar …',
      empty: 'Inget att visa.',
      error: 'Något gick fel när uppgifterna hämtades.',
      retry: 'Försök igen',
      close: 'Stäng',
      previousPage: 'Föregående sida',
      nextPage: 'Nästa sida',
      pageStatus: 'Visar {from}–{to} av {total}',
      required: 'Obligatoriskt',
      dismiss: 'Stäng meddelandet',
      notifications: 'Meddelanden',
    },
  },
  en: {
    common: {
      loading: 'Loading …',
      empty: 'Nothing to show.',
      error: 'Something went wrong while fetching the data.',
      retry: 'Try again',
      close: 'Close',
      previousPage: 'Previous page',
      nextPage: 'Next page',
      pageStatus: 'Showing {from}–{to} of {total}',
      required: 'Required',
      dismiss: 'Dismiss the message',
      notifications: 'Notifications',
    },
  },
} as const;
