/** One bundle's entry in an OPA status report (`bundles.<name>`), the fields Edict keeps. */
export interface OpaBundleStatus {
  readonly name: string;
  readonly activeRevision: string | null;
  readonly lastSuccessfulActivation: string | null;
  readonly lastSuccessfulDownload: string | null;
  readonly lastRequest: string | null;
  readonly code: string | null;
  readonly message: string | null;
  readonly errors: readonly unknown[];
}

/** An OPA status report (Status API, `POST <service>/status`), as Edict keeps it. */
export interface OpaStatusReport {
  readonly labels: Readonly<Record<string, string>>;
  readonly bundles: Readonly<Record<string, OpaBundleStatus>>;
  /** plugin name → its state (`OK`, `NOT_READY`, `ERROR`, `WARN`) */
  readonly plugins: Readonly<Record<string, string>>;
}
