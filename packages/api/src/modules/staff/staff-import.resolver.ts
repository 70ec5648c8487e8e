import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult } from '../../platform/errors/mutation-payload.js';
import { StaffImportInput } from './staff.inputs.js';
import { StaffImportService } from './staff-import.service.js';
import { StaffImportPayload } from './staff.types.js';

@Resolver()
export class StaffImportResolver {
  @Mutation(() => StaffImportPayload, {
    description:
      "Imports an organisation's staff from an HR system's CSV or XLSX file: upserts people and employments by employee number, else e-mail; with `complete`, ends the employments missing from the file. All rows or none; `dryRun` only reports.",
  })
  async staffImport(
    @Arg('input', () => StaffImportInput, { description: 'The organisation, the file and its format, and how to import it.' })
    input: StaffImportInput,
    @Ctx() ctx: RequestContext,
  ): Promise<StaffImportPayload> {
    const outcome = await mutationResult(() => ctx.service(StaffImportService).import(input));
    return Object.assign(new StaffImportPayload(), {
      errors: outcome.errors,
      imported: outcome.result?.imported ?? false,
      summary: outcome.result?.summary ?? null,
      rows: (outcome.result?.rows ?? []).map((row) => ({
        rowNumber: row.rowNumber,
        action: row.action,
        name: row.name,
        changes: row.changes,
        problems: row.problems.map((problem) => ({
          column: problem.field ? (outcome.result?.columns[problem.field] ?? null) : null,
          field: problem.field,
          code: problem.code,
          message: problem.message,
          messageSv: problem.messageSv,
        })),
      })),
    });
  }
}
