import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ExceptionStatus } from '@edict/contracts';
import type { ExceptionView } from './exception-view';

/** An exception as every `/v1/exceptions` answer shows it: the request (ExceptionRequested data), its status and who moved it. */
export class ExceptionDto implements ExceptionView {
  @ApiProperty({ example: 'EXC-001' }) readonly exceptionId!: string;
  @ApiProperty() readonly policyId!: string;
  @ApiProperty({ description: 'the rule that does not match for the excepted requests' }) readonly ruleId!: string;
  @ApiProperty({ description: 'a glob over request.resource' }) readonly resource!: string;
  @ApiPropertyOptional() readonly subject?: string;
  @ApiPropertyOptional() readonly agent?: string;
  @ApiProperty() readonly justification!: string;
  @ApiProperty() readonly ticket!: string;
  @ApiProperty() readonly requestedBy!: string;
  @ApiProperty() readonly requestedAt!: string;
  @ApiProperty() readonly expiresAt!: string;
  @ApiProperty({ enum: ['requested', 'approved', 'revoked', 'expired'] }) readonly status!: ExceptionStatus;
  @ApiProperty({ description: 'approved and not yet expired at the time of the answer' }) readonly active!: boolean;
  @ApiPropertyOptional() readonly approvedBy?: string;
  @ApiPropertyOptional() readonly approvedAt?: string;
  @ApiPropertyOptional() readonly revokedBy?: string;
  @ApiPropertyOptional() readonly revokedAt?: string;
  @ApiPropertyOptional() readonly revokeReason?: string;
  @ApiPropertyOptional() readonly expiredAt?: string;
}

export class ExceptionListDto {
  @ApiProperty({ type: [ExceptionDto] }) readonly items!: readonly ExceptionDto[];
}
