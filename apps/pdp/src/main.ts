import './telemetry';
import { servePdp } from '@edict/pdp-feature';

// The lean runtime (no Nest): libs/pdp-feature/src/runtime. Each PDP has its own consumer group (EDICT_PDP_NAME).
void servePdp(Number(process.env['PORT'] ?? 4107));
