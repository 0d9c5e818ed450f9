/** The slice of a pino logger the database layer writes to (the API passes its own; the default writes to stderr). */
export type DbLogger = {
  info: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
  error: (obj: object, msg: string) => void;
};

const line = (level: string) => (obj: object, msg: string) => {
  const err = (obj as { err?: unknown }).err;
  console.error(`[bunkai db] ${level}: ${msg}${err instanceof Error ? ` (${err.message})` : ''}`);
};

export const consoleDbLogger: DbLogger = { info: () => {}, warn: line('warn'), error: line('error') };
