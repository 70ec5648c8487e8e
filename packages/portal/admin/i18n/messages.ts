export const adminMessages = {
  sv: {
    admin: {
      title: 'Administration',
      coming: 'Här kommer administratörer att hantera avtal, roller, API-klienter och granskningsloggen.',
      soon: 'Den här delen byggs just nu.',
    },
  },
  en: {
    admin: {
      title: 'Administration',
      coming: 'Here administrators will manage agreements, roles, API clients and the audit trail.',
      soon: 'This part is being built.',
    },
  },
};
