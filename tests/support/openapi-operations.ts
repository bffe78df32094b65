import request from 'supertest';
import type { JsonSchema } from './schema-bodies';
import type { Venue } from './start-venue';

/** One route of the OpenAPI document, with the names its path and query take and its body's schema. */
export interface ApiOperation {
  method: string;
  /** As the document writes it: /api/stages/{stageId}/teams */
  path: string;
  params: string[];
  query: string[];
  body?: JsonSchema;
  contentType?: string;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
  components: { schemas: Record<string, JsonSchema> };
}

/**
 * Every route of the OpenAPI document the server itself serves, so a route added later is tried
 * too; `schemas` resolves the `$ref`s in the bodies.
 */
export async function openApiOperations(
  venue: Venue,
): Promise<{ operations: ApiOperation[]; schemas: Record<string, JsonSchema> }> {
  const document = (await request(venue.url).get('/api/docs-json').expect(200))
    .body as OpenApiDocument;
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const [contentType, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      return {
        method: method.toUpperCase(),
        path,
        params: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: media?.schema,
        contentType,
      };
    }),
  );
  return { operations, schemas: document.components.schemas };
}
