export const trainingMessages = {
  sv: {
    training: {
      title: 'Utbildning',
      coming: 'Här kommer du att hitta lärandespår, kohorter och anmälningar till ledarutbildning och chefsinternat.',
      soon: 'Den här delen byggs just nu.',
    },
  },
  en: {
    training: {
      title: 'Training',
      coming: 'Here you will find learning tracks, cohorts and registrations for leader training and residential courses.',
      soon: 'This part is being built.',
    },
  },
};
