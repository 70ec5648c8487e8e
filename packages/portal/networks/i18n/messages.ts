export const networksMessages = {
  sv: {
    networks: {
      title: 'Nätverk',
      coming: 'Här kommer du att hitta de lärande chefsnätverken, deras träffar och deltagare.',
      soon: 'Den här delen byggs just nu.',
    },
  },
  en: {
    networks: {
      title: 'Networks',
      coming: 'Here you will find the learning manager networks, their meetings and members.',
      soon: 'This part is being built.',
    },
  },
};
