import { z } from 'zod';
import { fileRoute, jsonRoute, routePath } from './route';

describe('routePath', () => {
  const teamRoute = jsonRoute({
    method: 'GET',
    path: '/api/stages/:stageId/teams/:id',
    response: z.object({}),
  });

  it('fills every parameter, URI-encoded', () => {
    expect(routePath(teamRoute, { params: { stageId: 's 1', id: 'a/b' } })).toBe(
      '/api/stages/s%201/teams/a%2Fb',
    );
  });

  it('appends the query, leaving out what is undefined or null and repeating arrays', () => {
    const route = fileRoute({
      path: '/api/categories/:id/diplomas.pdf',
      contentType: 'application/pdf',
    });
    expect(
      routePath(route, {
        params: { id: 'c1' },
        query: { design: 'gold', lang: undefined, only: null, team: ['t1', 't2'] },
      }),
    ).toBe('/api/categories/c1/diplomas.pdf?design=gold&team=t1&team=t2');
  });

  it('refuses a path with a parameter left empty rather than call a wrong address', () => {
    expect(() => routePath(teamRoute, { params: { stageId: 's1', id: '' } })).toThrow(':id');
    expect(() => routePath(teamRoute, { params: { stageId: 's1' } })).toThrow(':id');
  });
});

describe('jsonRoute', () => {
  it('defaults the success status as Nest answers: 201 for POST, 204 without a body, else 200', () => {
    expect(jsonRoute({ method: 'POST', path: '/api/x', response: z.object({}) }).status).toBe(201);
    expect(jsonRoute({ method: 'DELETE', path: '/api/x', response: null }).status).toBe(204);
    expect(jsonRoute({ method: 'GET', path: '/api/x', response: z.object({}) }).status).toBe(200);
    expect(
      jsonRoute({ method: 'POST', path: '/api/x', response: z.object({}), status: 200 }).status,
    ).toBe(200);
  });
});
