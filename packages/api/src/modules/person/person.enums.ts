import { registerEnumType } from 'type-graphql';

export enum Language {
  SV = 'sv',
  EN = 'en',
}
registerEnumType(Language, {
  name: 'Language',
  description: 'The language of the texts (e-mails) a person receives.',
  valuesConfig: {
    SV: { description: 'Swedish (svenska), the default.' },
    EN: { description: 'English, for people who prefer it to Swedish.' },
  },
});
