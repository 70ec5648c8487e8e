// type-graphql's decorators need the metadata API before any decorated class loads, also in unit specs.
import 'reflect-metadata';
