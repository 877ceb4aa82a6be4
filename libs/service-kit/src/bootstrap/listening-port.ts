import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:net';

/** The port the app listens on (what port 0 turned into). */
export function listeningPort(app: INestApplication): number {
  const address = (app.getHttpServer() as Server).address();
  if (address === null || typeof address === 'string') throw new Error('the app is not listening on a TCP port');
  return address.port;
}
