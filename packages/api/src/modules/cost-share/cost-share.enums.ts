import { registerEnumType } from 'type-graphql';
import { CostShareGroup } from './cost-share-calculation.js';

export { CostShareGroup };

export enum CostShareKeyKind {
  POPULATION = 'POPULATION',
  WEIGHTS = 'WEIGHTS',
}
registerEnumType(CostShareKeyKind, {
  name: 'CostShareKeyKind',
  description: "What a year's distribution key is built from.",
  valuesConfig: {
    POPULATION: { description: "The members' populations for the year (the default)." },
    WEIGHTS: { description: 'Weights per member entered for the year, when the region publishes its own key.' },
  },
});

export enum CostShareMissingInput {
  BASE_COST = 'BASE_COST',
  PRICE_INDEX = 'PRICE_INDEX',
  BASE_YEAR_PRICE_INDEX = 'BASE_YEAR_PRICE_INDEX',
  DISTRIBUTION_KEY = 'DISTRIBUTION_KEY',
}
registerEnumType(CostShareMissingInput, {
  name: 'CostShareMissingInput',
  description: "An input a year's cost shares cannot be computed without.",
  valuesConfig: {
    BASE_COST: { description: 'No yearly cost is entered for this year or any earlier year to index from.' },
    PRICE_INDEX: { description: 'The consumer price index (KPI) of this year is not entered.' },
    BASE_YEAR_PRICE_INDEX: { description: 'The consumer price index (KPI) of the base year the cost is indexed from is not entered.' },
    DISTRIBUTION_KEY: { description: 'No member with an agreement in force this year has a population or weight for it.' },
  },
});

registerEnumType(CostShareGroup, {
  name: 'CostShareGroup',
  description: 'Which part of the yearly cost a member carries a share of.',
  valuesConfig: {
    REGION: { description: "The regions' part: 15 % of the yearly cost." },
    MUNICIPALITIES: { description: "The municipalities' (and other members') part: 85 %, split by the distribution key." },
  },
});

export enum ExportFormat {
  XLSX = 'XLSX',
  CSV = 'CSV',
}
registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'File format of an export.',
  valuesConfig: {
    XLSX: { description: 'An Excel workbook (Office Open XML).' },
    CSV: { description: 'Semicolon-separated text in UTF-8 with a byte-order mark, as Swedish Excel opens it.' },
  },
});
