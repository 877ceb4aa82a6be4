import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DecisionPoint } from '@edict/pdp';
import type { DecisionService } from '../decide/decision.service';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * `/docs`, `/docs-json` (what schemathesis reads) and `/docs-yaml`: the OpenAPI document as Nest and
 * @nestjs/swagger generate it from the PDP's controller, exactly as before the lean runtime. Nest
 * is loaded on the first such request only (about 35 MB a running PDP does not otherwise hold),
 * in pdp-openapi.app.ts; a failed start is tried again at the next request.
 */
export function lazyOpenApi(deps: { readonly pdp: DecisionPoint; readonly decisions: DecisionService }): Listener & { close(): Promise<void> } {
  let app: Promise<{ listener: Listener; close(): Promise<void> }> | undefined;
  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    app ??= import('./pdp-openapi.app').then((m) => m.createOpenApiApp(deps));
    app.then(
      ({ listener }) => listener(req, res),
      (error: unknown) => {
        app = undefined;
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`the OpenAPI document could not be generated: ${String(error)}`);
      },
    );
  };
  return Object.assign(serve, { close: async () => (app ? (await app.catch(() => undefined))?.close() : undefined) });
}
