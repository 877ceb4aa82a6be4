/** The one line printed per component: `infra: <component> <source> <detail>`, aligned. */
export const reportLine = (component: string, source: string, detail: string): string =>
  `infra: ${component.padEnd(10)} ${source.padEnd(14)} ${detail}`;
