/**
 * @edict/opa — runs the real `opa` binary (check, test with coverage, fmt) for the validation
 * service and the CLI. The binary comes from `OPA_PATH` (the harness builds it with `go install`).
 * @packageDocumentation
 */
export {};
