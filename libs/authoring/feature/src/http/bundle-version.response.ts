import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { VersionStatus } from '@edict/authoring-domain';
import type { Role, Tier } from '@edict/contracts';

export const VERSION_STATUSES: VersionStatus[] = ['draft', 'submitted', 'approved', 'archived'];
export const TIERS: Tier[] = ['org', 'team', 'project'];

export class ApprovalDto {
  @ApiProperty() readonly subject!: string;
  @ApiProperty({ description: 'the role it was granted as' }) readonly role!: string;
}

/** An emergency approval and its follow-up review. */
export class EmergencyDto {
  @ApiProperty() readonly approver!: string;
  @ApiProperty() readonly reason!: string;
  @ApiProperty() readonly approvedAt!: string;
  @ApiProperty({ enum: ['open', 'confirmed'] }) readonly review!: 'open' | 'confirmed';
  @ApiPropertyOptional({ description: 'confirmed reviews' }) readonly confirmedBy?: string;
  @ApiPropertyOptional() readonly confirmedRole?: string;
  @ApiPropertyOptional() readonly confirmedAt?: string;
}

/** A version without its document: what submit, approve and confirm-emergency answer, and what lists show. */
export class VersionSummaryDto {
  @ApiProperty({ example: 'org/baseline' }) readonly policyId!: string;
  @ApiProperty({ example: '1.0.0' }) readonly version!: string;
  @ApiProperty({ enum: VERSION_STATUSES }) readonly status!: VersionStatus;
  @ApiProperty({ description: 'sha256:<hex> of the canonical document' }) readonly digest!: string;
  @ApiProperty({ description: 'who drafted it' }) readonly author!: string;
  @ApiProperty({ type: [String], description: 'everyone who drafted or revised it; none of them may approve it' }) readonly authors!: readonly string[];
  @ApiProperty({ type: [ApprovalDto] }) readonly approvals!: readonly ApprovalDto[];
  @ApiProperty({ type: [String], description: 'roles still to approve (submitted versions; otherwise empty)' }) readonly missingApprovals!: readonly Role[];
  @ApiPropertyOptional({ type: EmergencyDto, description: 'approved on the emergency path' }) readonly emergency?: EmergencyDto;
}

/** `GET /v1/bundles/{policyId}/versions/{version}`: the version with its current document. */
export class VersionViewDto extends VersionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the PolicyBundle document of its last draft or revision' }) readonly document!: unknown;
}

/** `GET /v1/bundles/{policyId}`: a policy's line of versions. */
export class BundleLineDto {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty({ enum: TIERS }) readonly tier!: Tier;
  @ApiProperty({ description: 'the highest version ever drafted' }) readonly latestVersion!: string;
  @ApiProperty({ type: [VersionSummaryDto] }) readonly versions!: readonly VersionSummaryDto[];
}

/** `GET /v1/bundles`: versions, oldest first, paginated. */
export class BundleListDto {
  @ApiProperty({ type: [VersionSummaryDto] }) readonly items!: readonly VersionSummaryDto[];
  @ApiProperty({ type: 'integer' }) readonly total!: number;
  @ApiProperty({ type: 'integer' }) readonly limit!: number;
  @ApiProperty({ type: 'integer' }) readonly offset!: number;
}
