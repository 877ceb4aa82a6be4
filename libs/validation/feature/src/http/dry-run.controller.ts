import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Roles } from '@edict/service-kit';
import { verdictOf } from '@edict/validation-domain';
import { ValidationSuiteService } from '../handlers/validation-suite.service';
import { DryRunDto } from './dry-run.dto';
import { readDryRun } from './read-dry-run';
import { DryRunVerdictDto } from './validation-verdict.response';

/** `POST /v1/validations:dry-run`: the same suite as a submission, synchronously; nothing is stored. */
@ApiTags('validations')
@ApiBearerAuth()
@Controller()
export class DryRunController {
  constructor(private readonly suite: ValidationSuiteService) {}

  // the colon is escaped: unescaped, path-to-regexp would read `:dry` as a parameter
  @Post('v1/validations\\:dry-run')
  @HttpCode(200)
  @Roles('author', 'team-lead', 'security', 'admin')
  @ApiOperation({ summary: 'Judge a bundle as if it were submitted (outcome and report); stores nothing' })
  @ApiProblems({ 422: 'the document lacks metadata.policyId or metadata.version (VALIDATION.IDENTITY_MISSING)' })
  @ApiOkResponse({ type: DryRunVerdictDto })
  async dryRun(@Body() body: DryRunDto): Promise<DryRunVerdictDto> {
    const candidate = readDryRun(body);
    const report = await this.suite.judge(candidate);
    return { ...candidate.expected, outcome: verdictOf(report).outcome, report };
  }
}
