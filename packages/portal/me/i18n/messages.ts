export const meMessages = {
  sv: {
    me: {
      title: 'Mina sidor',
      coming: 'Här kommer du att se dina uppgifter, dina anmälningar och dina kalenderflöden.',
      soon: 'Den här delen byggs just nu.',
    },
  },
  en: {
    me: {
      title: 'Me',
      coming: 'Here you will see your details, your registrations and your calendar feeds.',
      soon: 'This part is being built.',
    },
  },
};
