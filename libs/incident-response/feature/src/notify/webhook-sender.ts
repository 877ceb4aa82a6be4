import type { WebhookConfig } from '@edict/incident-response-domain';

export interface DeliveryOptions {
  /** attempts before the dead letter (EDICT_WEBHOOK_MAX_ATTEMPTS, default 4) */
  readonly maxAttempts: number;
  /** first backoff; doubles after each failure (EDICT_WEBHOOK_BACKOFF_MS, default 500) */
  readonly backoffMs: number;
  /** per attempt (EDICT_WEBHOOK_TIMEOUT_MS, default 5000) */
  readonly timeoutMs: number;
}

export type DeliveryResult = { readonly delivered: true; readonly attempts: number } | { readonly delivered: false; readonly attempts: number; readonly lastError: string };

const numberFrom = (raw: string | undefined, fallback: number, name: string): number => {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number >= 1, not "${raw}"`);
  return n;
};

export const deliveryOptionsFromEnv = (env: NodeJS.ProcessEnv = process.env): DeliveryOptions => ({
  maxAttempts: numberFrom(env['EDICT_WEBHOOK_MAX_ATTEMPTS'], 4, 'EDICT_WEBHOOK_MAX_ATTEMPTS'),
  backoffMs: numberFrom(env['EDICT_WEBHOOK_BACKOFF_MS'], 500, 'EDICT_WEBHOOK_BACKOFF_MS'),
  timeoutMs: numberFrom(env['EDICT_WEBHOOK_TIMEOUT_MS'], 5000, 'EDICT_WEBHOOK_TIMEOUT_MS'),
});

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs the body as JSON; a 2xx is delivered. A network error, a timeout or any other status is
 * retried after backoffMs, 2×, 4× … until maxAttempts, then reported undelivered with the last error.
 */
export async function deliver(hook: WebhookConfig, body: unknown, options: DeliveryOptions, onRetry?: () => void): Promise<DeliveryResult> {
  let lastError = '';
  for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
    try {
      const response = await fetch(hook.url, {
        method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'edict-incident-response' },
        body: JSON.stringify(body), signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return { delivered: true, attempts: attempt };
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    }
    if (attempt < options.maxAttempts) {
      onRetry?.();
      await pause(options.backoffMs * 2 ** (attempt - 1));
    }
  }
  return { delivered: false, attempts: options.maxAttempts, lastError };
}
