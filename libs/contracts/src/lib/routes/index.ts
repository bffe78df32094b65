import { olympiadsRoutes } from './olympiads.routes';
import { authRoutes } from './auth.routes';
import { stagesRoutes } from './stages.routes';
import { schoolsRoutes } from './schools.routes';
import { regionsRoutes } from './regions.routes';
import { healthRoutes } from './health.routes';
import { tlsRoutes } from './tls.routes';
import { categoriesRoutes } from './categories.routes';
import { teamsRoutes } from './teams.routes';
import { judgesRoutes } from './judges.routes';
import { ledgerRoutes } from './ledger.routes';
import { standingsRoutes } from './standings.routes';
import { federationRoutes } from './federation.routes';
import { registrationRoutes } from './registration.routes';
import { qualificationRoutes } from './qualification.routes';
import { publicRoutes } from './public.routes';
import { displaysRoutes } from './displays.routes';
import { awardsRoutes } from './awards.routes';
import { documentsRoutes } from './documents.routes';
import { exportsRoutes } from './exports.routes';
import { sumoDrawRoutes } from './sumo-draw.routes';
import { runsRoutes } from './runs.routes';
import { fieldsRoutes } from './fields.routes';
import { devicesRoutes } from './devices.routes';
import { fieldQueuesRoutes } from './field-queues.routes';
import { heldEntriesRoutes } from './held-entries.routes';
import { protestsRoutes } from './protests.routes';
import { inspectionsRoutes } from './inspections.routes';
import { sensorsRoutes } from './sensors.routes';
import { auditRoutes } from './audit.routes';
import { staffRoutes } from './staff.routes';
import { scoreSheetsRoutes } from './score-sheets.routes';
import { doubleEntryRoutes } from './double-entry.routes';
import { sumoClockRoutes } from './sumo-clock.routes';

export * from './route';
export * as routes from './route-addresses';
export * from './olympiads.routes';
export * from './auth.routes';
export * from './stages.routes';
export * from './schools.routes';
export * from './regions.routes';
export * from './health.routes';
export * from './tls.routes';
export * from './categories.routes';
export * from './teams.routes';
export * from './judges.routes';
export * from './ledger.routes';
export * from './standings.routes';
export * from './federation.routes';
export * from './registration.routes';
export * from './qualification.routes';
export * from './public.routes';
export * from './displays.routes';
export * from './awards.routes';
export * from './documents.routes';
export * from './exports.routes';
export * from './sumo-draw.routes';
export * from './runs.routes';
export * from './fields.routes';
export * from './devices.routes';
export * from './field-queues.routes';
export * from './held-entries.routes';
export * from './protests.routes';
export * from './inspections.routes';
export * from './sensors.routes';
export * from './audit.routes';
export * from './staff.routes';
export * from './score-sheets.routes';
export * from './double-entry.routes';
export * from './sumo-clock.routes';

/**
 * Every REST route of the API, by area, with its schemas: the one place that names an `/api/`
 * path. The API mounts its handlers with `@Route(routes.area.name)`, checks bodies with
 * `routeTable.area.name.body` and builds the OpenAPI document from it; the apps call
 * `api.call(routes.area.name, …)`, where `routes` is this table's addresses (route-addresses.ts).
 */
export const routeTable = {
  olympiads: olympiadsRoutes,
  auth: authRoutes,
  stages: stagesRoutes,
  schools: schoolsRoutes,
  regions: regionsRoutes,
  health: healthRoutes,
  tls: tlsRoutes,
  categories: categoriesRoutes,
  teams: teamsRoutes,
  judges: judgesRoutes,
  ledger: ledgerRoutes,
  standings: standingsRoutes,
  federation: federationRoutes,
  registration: registrationRoutes,
  qualification: qualificationRoutes,
  public: publicRoutes,
  displays: displaysRoutes,
  awards: awardsRoutes,
  documents: documentsRoutes,
  exports: exportsRoutes,
  sumoDraw: sumoDrawRoutes,
  runs: runsRoutes,
  fields: fieldsRoutes,
  devices: devicesRoutes,
  fieldQueues: fieldQueuesRoutes,
  heldEntries: heldEntriesRoutes,
  protests: protestsRoutes,
  inspections: inspectionsRoutes,
  sensors: sensorsRoutes,
  audit: auditRoutes,
  staff: staffRoutes,
  scoreSheets: scoreSheetsRoutes,
  doubleEntry: doubleEntryRoutes,
  sumoClock: sumoClockRoutes,
} as const;

export type RouteTable = typeof routeTable;
