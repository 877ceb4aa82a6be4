import { BadRequestException, HttpException, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { ConflictError, EdictError, ValidationError } from '@edict/core';
import { INTERNAL_DETAIL, problemFromException } from './problem-from-exception';
import { problemBody } from './problem-details';

const request = { instance: '/bundles/b-1', routeMatched: true, correlationId: 'c-1' };

describe('problemFromException', () => {
  it('uses an EdictError’s code, status, message and details', () => {
    const error = new ConflictError('BUNDLE.VERSION_REUSED', 'Version 1.2.0 was used before.', { version: '1.2.0' });
    expect(problemFromException(error, request)).toEqual({
      type: 'urn:edict:problem:BUNDLE.VERSION_REUSED',
      title: 'Conflict',
      status: 409,
      detail: 'Version 1.2.0 was used before.',
      instance: '/bundles/b-1',
      code: 'BUNDLE.VERSION_REUSED',
      version: '1.2.0',
      correlationId: 'c-1',
    });
  });

  it('keeps the validation errors array', () => {
    const error = new ValidationError('REQUEST.INVALID', 'bad', { errors: [{ path: 'name', message: 'name must be a string' }] });
    expect(problemFromException(error, request)).toMatchObject({ status: 400, errors: [{ path: 'name', message: 'name must be a string' }] });
  });

  it('never lets details overwrite the standard members', () => {
    const error = new EdictError('X.Y', 'm', 422, false, { status: 200, code: 'OK', type: 'x', detail: 'd', extra: 1 });
    expect(problemFromException(error, request)).toMatchObject({ status: 422, code: 'X.Y', type: 'urn:edict:problem:X.Y', detail: 'm', extra: 1 });
  });

  it('tells an unmatched route from a handler’s NotFoundException', () => {
    const unmatched = problemFromException(new NotFoundException('Cannot GET /x'), { ...request, routeMatched: false });
    expect(unmatched).toMatchObject({ status: 404, code: 'ROUTE.NOT_FOUND' });
    expect(problemFromException(new NotFoundException('no bundle b-1'), request)).toMatchObject({
      status: 404,
      code: 'RESOURCE.NOT_FOUND',
      detail: 'no bundle b-1',
    });
  });

  it('maps other HttpExceptions by status, with Nest’s message lists joined', () => {
    expect(problemFromException(new BadRequestException(['a is bad', 'b is bad']), request)).toMatchObject({
      status: 400,
      code: 'REQUEST.BAD_REQUEST',
      detail: 'a is bad; b is bad',
    });
    expect(problemFromException(new HttpException('teapot', 418), request)).toMatchObject({ status: 418, code: 'HTTP.418', detail: 'teapot' });
  });

  it('keeps a 5xx HttpException’s status but not its message', () => {
    const problem = problemFromException(new ServiceUnavailableException('pg at 10.1.2.3 down'), request);
    expect(problem).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE' });
    expect(JSON.stringify(problem)).not.toContain('10.1.2.3');
  });

  it('answers anything else with a 500 that reveals nothing', () => {
    for (const thrown of [new Error('password=hunter2'), 'a string', null, new HttpException('secret', 500), new EdictError('X', 'bad status', 200)]) {
      const problem = problemFromException(thrown, request);
      expect(problem).toEqual({ ...problemBody({ code: 'INTERNAL', status: 500, detail: INTERNAL_DETAIL, instance: '/bundles/b-1' }), correlationId: 'c-1' });
    }
  });

  it('omits the correlation id when there is none', () => {
    expect(problemFromException(new Error('x'), { instance: '/', routeMatched: true })).not.toHaveProperty('correlationId');
  });
});
