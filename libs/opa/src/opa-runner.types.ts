import type { OpaRun } from './run-opa';

/** Runs `opa <args>` in the workspace, within what is left of the time budget. */
export type Opa = (args: readonly string[]) => Promise<OpaRun>;
