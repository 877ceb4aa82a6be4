import 'reflect-metadata';
import { Type } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { IsInt, IsString, ValidateNested, validateSync } from 'class-validator';
import { flattenValidationErrors } from './validation-errors';

class Rule {
  @IsString() id!: string;
}

class Bundle {
  @IsString() name!: string;
  @IsInt() priority!: number;
  @ValidateNested({ each: true }) @Type(() => Rule) rules!: Rule[];
}

describe('flattenValidationErrors', () => {
  it('gives one { path, message } per broken constraint, with dotted paths into arrays', () => {
    const input = plainToInstance(Bundle, { name: 1, priority: 'high', rules: [{ id: 'r1' }, { id: 2 }] });
    const errors = validateSync(input, { whitelist: true, forbidNonWhitelisted: true });
    expect(flattenValidationErrors(errors)).toEqual([
      { path: 'name', message: 'name must be a string' },
      { path: 'priority', message: 'priority must be an integer number' },
      { path: 'rules.1.id', message: 'id must be a string' },
    ]);
  });

  it('is empty for no errors', () => {
    expect(flattenValidationErrors([])).toEqual([]);
  });
});
