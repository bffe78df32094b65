import {
  type CallHandler,
  type ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiRoute } from '@olympiad/contracts';
import { map, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ApiError } from '../api-error';
import { issuesFromZod } from '../zod-issues';
import { ROUTE_METADATA } from './route.decorator';

/**
 * With CONTRACT_CHECK=on (the test suites), every JSON answer is parsed with its route's response
 * schema, so an answer that drifts from libs/contracts fails the test that made it instead of
 * surprising an app. Off in production: the type-check already binds handlers to the schemas.
 */
@Injectable()
export class ContractCheckInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Contract');

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.config.contractCheck || context.getType() !== 'http') return next.handle();
    const route = this.reflector.get<ApiRoute | undefined>(ROUTE_METADATA, context.getHandler());
    // Every handler is mounted with @Route (tests/boundaries/route-table.spec.ts sees to it).
    if (!route || route.kind === 'file') return next.handle();
    return next.handle().pipe(
      map((answer: unknown) => {
        // A handler that wrote the response itself (@Res) has nothing left for us to read.
        if (answer === undefined && context.switchToHttp().getResponse<{ headersSent: boolean }>().headersSent) {
          return answer;
        }
        if (route.response === null) {
          if (answer !== undefined) throw this.broken(`${route.method} ${route.path} answers a body, the table says none`);
          return answer;
        }
        // What the client will parse: dates as strings, undefined fields gone.
        const sent: unknown = answer === undefined ? undefined : JSON.parse(JSON.stringify(answer));
        const checked = route.response.safeParse(sent);
        if (!checked.success) {
          const issues = issuesFromZod(checked.error);
          const detail = issues.map((issue) => `${issue.path || '(answer)'}: ${issue.message}`).join('; ');
          throw this.broken(`${route.method} ${route.path} answered outside its schema: ${detail}`, issues);
        }
        return answer;
      }),
    );
  }

  private broken(message: string, issues?: ReturnType<typeof issuesFromZod>): ApiError {
    this.logger.error(message);
    return new ApiError(HttpStatus.INTERNAL_SERVER_ERROR, 'errors.internal', message, issues);
  }
}
