import { readFileSync } from 'node:fs';
import type { ServiceProcess } from './service-process';

const tail = (file: string, lines = 30): string => {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
};

/** Polls `/readyz` until it answers 200; fails with the log tail if the process exits or time runs out. */
export async function waitReady(service: ServiceProcess, timeoutMs = 90000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) {
      throw new Error(`${service.name} exited with code ${service.child.exitCode}:\n${tail(service.logFile)}`);
    }
    try {
      const response = await fetch(`${service.url}/readyz`);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} not ready after ${timeoutMs} ms (${last}):\n${tail(service.logFile)}`);
}
