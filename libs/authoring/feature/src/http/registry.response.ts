import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VersionStatus } from '@edict/authoring-domain';
import type { Tier } from '@edict/contracts';
import { EmergencyDto, TIERS, VERSION_STATUSES } from './bundle-version.response';

export class RegistryVersionDto {
  @ApiProperty() readonly version!: string;
  @ApiProperty({ enum: VERSION_STATUSES }) readonly status!: VersionStatus;
  @ApiPropertyOptional({ enum: [true], description: 'set when approved on the emergency path' }) readonly emergency?: true;
}

export class RegistryPolicyDto {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty({ enum: TIERS }) readonly tier!: Tier;
  @ApiProperty() readonly latestVersion!: string;
  @ApiProperty({ type: [RegistryVersionDto], description: 'in semver order' }) readonly versions!: readonly RegistryVersionDto[];
}

/** `GET /v1/policies`: every policy, by policy id. */
export class PolicyListDto {
  @ApiProperty({ type: [RegistryPolicyDto] }) readonly items!: readonly RegistryPolicyDto[];
}

/** A follow-up review an emergency approval left (its emergency fields inline). */
export class ReviewDto extends EmergencyDto {
  @ApiProperty({ enum: ['emergency-approval'] }) readonly kind!: 'emergency-approval';
  @ApiProperty() readonly policyId!: string;
  @ApiProperty({ enum: TIERS }) readonly tier!: Tier;
  @ApiProperty() readonly version!: string;
  @ApiProperty({ enum: ['open', 'confirmed'] }) readonly status!: 'open' | 'confirmed';
  @ApiProperty({ type: [String] }) readonly authors!: readonly string[];
}

/** `GET /v1/reviews`. */
export class ReviewListDto {
  @ApiProperty({ type: [ReviewDto] }) readonly items!: readonly ReviewDto[];
}
