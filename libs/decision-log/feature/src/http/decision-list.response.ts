import { ApiProperty } from '@nestjs/swagger';
import { DecisionDto } from '@edict/service-kit';

/** `GET /v1/decisions`: decisions as stored (masked), newest first. */
export class DecisionListDto {
  @ApiProperty({ type: [DecisionDto] }) readonly items!: readonly DecisionDto[];
}
