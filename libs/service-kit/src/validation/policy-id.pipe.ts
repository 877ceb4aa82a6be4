import { Injectable, type PipeTransform } from '@nestjs/common';
import { tierOfPolicyId } from '@edict/contracts';

/**
 * A policy id from the path (URL-decoded by the router) must be one: otherwise 400
 * `BUNDLE.POLICY_ID_INVALID` names the accepted forms, instead of a confusing 404 later on.
 */
@Injectable()
export class PolicyIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    tierOfPolicyId(value);
    return value;
  }
}
