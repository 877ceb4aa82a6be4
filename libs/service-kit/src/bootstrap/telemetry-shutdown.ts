import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { shutdownTelemetry } from '@edict/observability';

/** On shutdown, after the HTTP server and consumers closed: the last spans are exported (bounded). */
@Injectable()
export class TelemetryShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return shutdownTelemetry();
  }
}
