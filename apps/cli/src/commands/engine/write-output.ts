/**
 * Writes to stdout or stderr and resolves once the text is handed to the OS. Actions await it,
 * so that output piped to another program is complete before the CLI exits (Node's pipe
 * writes are asynchronous, and `main` ends the process with `process.exit`).
 */
export const writeOut = (text: string, stream: NodeJS.WriteStream = process.stdout): Promise<void> =>
  new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });

/** Lines joined and written with a final newline. */
export const writeLines = (lines: readonly string[], stream: NodeJS.WriteStream = process.stdout): Promise<void> =>
  lines.length === 0 ? Promise.resolve() : writeOut(`${lines.join('\n')}\n`, stream);
