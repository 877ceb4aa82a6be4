import { ApiProperty } from '@nestjs/swagger';
import type { Release } from '../store/releases.repository';

export class ReleaseDto implements Release {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty({ description: 'sha256:<hex>' }) readonly digest!: string;
  @ApiProperty() readonly kid!: string;
  @ApiProperty({ description: 'detached compact JWS' }) readonly signature!: string;
  @ApiProperty() readonly verifiedAt!: string;
}

/** `GET /v1/releases/{policyId}`: versions whose signature distribution verified. */
export class ReleaseListDto {
  @ApiProperty({ type: [ReleaseDto] }) readonly items!: readonly ReleaseDto[];
}
