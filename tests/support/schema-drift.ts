/** Lines that differ between the committed SDL and the emitted one, as "- committed" / "+ emitted". */
export function schemaDrift(committed: string, emitted: string): string[] {
  const committedLines = committed.split('\n');
  const emittedLines = emitted.split('\n');
  const inEmitted = new Set(emittedLines);
  const inCommitted = new Set(committedLines);
  return [
    ...committedLines.filter((line) => !inEmitted.has(line)).map((line) => `- ${line}`),
    ...emittedLines.filter((line) => !inCommitted.has(line)).map((line) => `+ ${line}`),
    ...(committed !== emitted && committedLines.every((l) => inEmitted.has(l)) && emittedLines.every((l) => inCommitted.has(l))
      ? ['(lines reordered)']
      : []),
  ];
}
