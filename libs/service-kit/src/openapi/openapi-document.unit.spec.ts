import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiProperty, DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { OpenAPIObject, SchemaObject } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from './api-problems.decorator';
import { documentPathParameters } from './path-parameters';
import { documentProblems } from './document-problems';
import { documentValidationConstraints } from './validation-constraints';

class ProbeReasonDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(20) reason!: string;
  @ApiProperty() @IsIn(['fail-open', 'fail-closed']) mode!: string;
  @ApiProperty() @Matches(/^\d+$/) count!: string;
}

@Controller('probe')
@Roles('admin')
class ProbeController {
  @Get(':policyId') @Roles('auditor') @ApiProblems({ 404: 'no such policy' })
  read(@Param('policyId') policyId: string): string { return policyId; }

  @Post() write(@Body() body: ProbeReasonDto): string { return body.reason; }

  @Get() @Public() open(): string { return 'ok'; }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

async function documentOf(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(ProbeModule, { logger: false });
  await app.init();
  const raw = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  await app.close();
  return documentPathParameters(documentValidationConstraints(documentProblems(raw)));
}

describe('the OpenAPI document', () => {
  it('lists the problem answers of each operation with the shared problem+json schema', async () => {
    const doc = await documentOf();
    const read = doc.paths['/probe/{policyId}']?.get;
    expect(Object.keys(read?.responses ?? {}).sort()).toEqual(['200', '400', '401', '403', '404']);
    expect(read?.responses['404']).toMatchObject({ description: 'no such policy', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
    expect(read?.['x-edict-roles' as 'summary']).toEqual(['auditor']);
    expect(Object.keys(doc.paths['/probe']?.post?.responses ?? {}).sort()).toEqual(['201', '400', '401', '403', '413', '415']);
    expect(doc.components?.schemas?.['Problem']).toMatchObject({ required: ['type', 'title', 'status', 'detail', 'code'] });
  });

  it('shows the constraints the validation pipe enforces', async () => {
    const schema = (await documentOf()).components?.schemas?.['ProbeReasonDto'] as SchemaObject;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties?.['reason']).toMatchObject({ type: 'string', minLength: 1, maxLength: 20 });
    expect(schema.properties?.['mode']).toMatchObject({ enum: ['fail-open', 'fail-closed'] });
    expect(schema.properties?.['count']).toMatchObject({ pattern: '^\\d+$' });
  });

  it('gives policyId path parameters the policy id pattern', async () => {
    const [parameter] = (await documentOf()).paths['/probe/{policyId}']?.get?.parameters ?? [];
    expect(parameter).toMatchObject({ name: 'policyId', in: 'path', schema: { pattern: expect.stringContaining('org/') as string } });
  });
});
