import { Controller, Get, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { ServiceMetrics } from '@edict/observability';
import { Public } from '../auth/public.decorator';

/** `GET /metrics`: the Prometheus text exposition of the service's registry. */
@Public()
@ApiTags('health')
@Controller()
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get('metrics')
  @ApiProduces('text/plain')
  async scrape(@Res() response: ServerResponse): Promise<void> {
    const { contentType, body } = await this.metrics.exposition();
    response.setHeader('content-type', contentType);
    response.setHeader('cache-control', 'no-store');
    response.end(body);
  }
}
