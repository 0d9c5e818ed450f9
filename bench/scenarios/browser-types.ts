/**
 * What the browser driver (apps/web/bench/open-matrix.ts, compiled with the web
 * app's DOM types and playwright-core) and the bench (Node only) share. The
 * bench loads the driver at run time, so neither type-checks the other's world.
 */

/** One opening of the matrix page; times are ms from navigation start (the page's performance.now()). */
export type BrowserRun = {
  /** First grid cell with data on screen. */
  firstCellsMs: number;
  /** An arrow key (a real key press) has moved the focus to the next cell. */
  interactiveMs: number;
  /** GET /cells/compact as the page made it (Resource Timing): sent, first byte, last byte; bytes on the wire and decoded. */
  fetch: { startMs: number; firstByteMs: number; endMs: number; wireBytes: number; bodyBytes: number; encoding: string };
  domCells: number;
  frames: { wheel: number[]; wheelX: number[]; jump: number[] };
  /** The document and every request of the page: where the time before the first cells goes. */
  waterfall: { name: string; start: number; end: number }[];
};

export type MatrixPageOptions = {
  /** Where the API serving the built web app listens. */
  url: string;
  email: string;
  password: string;
  engagementId: string;
  runs: number;
  /** Logs a CPU profile summary of the last opening. */
  profile?: boolean;
  log: (msg: string) => void;
};

export type MatrixPageDriver = {
  buildWeb: () => Promise<void>;
  measureMatrixPage: (opts: MatrixPageOptions) => Promise<BrowserRun[]>;
};
