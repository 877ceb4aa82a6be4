/** Commander option parser for a repeatable option (`--parent a --parent b`). */
export const collect = (value: string, previous: string[]): string[] => [...previous, value];
