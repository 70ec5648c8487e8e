import { Migration } from '@mikro-orm/migrations';

const SCOPES = ['read:directory', 'write:directory', 'read:contact-details', 'read:training', 'write:training'];
const scopesCheck = (scopes: string[]) =>
  `check (scopes <@ array[${scopes.map((scope) => `'${scope}'`).join(', ')}]::text[] and cardinality(scopes) > 0)`;

/** API clients may be given `read:statistics`: the training statistics, for an integrator's dashboards. */
export class Migration20261201801400_statistics_scope extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table api_client drop constraint api_client_scopes_check;`);
    this.addSql(`alter table api_client add constraint api_client_scopes_check ${scopesCheck([...SCOPES, 'read:statistics'])};`);
  }

  override async down(): Promise<void> {
    this.addSql(`update api_client set scopes = array_remove(scopes, 'read:statistics');`);
    this.addSql(`alter table api_client drop constraint api_client_scopes_check;`);
    this.addSql(`alter table api_client add constraint api_client_scopes_check ${scopesCheck(SCOPES)};`);
  }
}
