import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StoredWindow } from '../store/stored-window';

/** A stored window as `GET /v1/windows` lists it: the published data, its revision, event id and times. */
export type ListedWindow = StoredWindow['window'] & Omit<StoredWindow, 'window'>;

export class WindowDto implements ListedWindow {
  @ApiProperty() readonly policyId!: string;
  @ApiProperty() readonly version!: string;
  @ApiProperty() readonly canary!: boolean;
  @ApiProperty() readonly windowStart!: string;
  @ApiProperty() readonly windowEnd!: string;
  @ApiProperty({ type: 'integer' }) readonly total!: number;
  @ApiProperty({ type: 'integer' }) readonly errors!: number;
  @ApiProperty({ type: 'integer' }) readonly denies!: number;
  @ApiProperty({ type: 'integer' }) readonly noMatches!: number;
  @ApiProperty() readonly meanEvaluationNs!: number;
  @ApiPropertyOptional({ description: 'sum of the declared cost of its decisions' }) readonly costSum?: number;
  @ApiProperty({ type: 'integer', description: '1 when first closed; each correction the next' }) readonly revision!: number;
  @ApiProperty({ description: 'the DecisionWindowClosed event id' }) readonly eventId!: string;
  @ApiProperty({ type: 'integer', description: 'decisions counted after the window first closed' }) readonly late!: number;
  @ApiProperty() readonly closedAt!: string;
  @ApiProperty({ type: String, nullable: true }) readonly publishedAt!: string | null;
  @ApiProperty({ type: 'integer' }) readonly publishedRevision!: number;
}

export class WindowListDto {
  @ApiProperty({ type: [WindowDto], description: 'newest first' }) readonly items!: readonly WindowDto[];
}
