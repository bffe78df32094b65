// Written by `npm run routes:addresses` from the route table (./index.ts): do not edit by hand.
// Every route as the web apps call it, `api.call(routes.area.name, …)`: method and path at run
// time, the whole route (schemas included) as a type only.
import type { RouteTable } from './index';
import type { RouteAddresses } from './route';

type Addresses = RouteAddresses<RouteTable>;

const olympiadsArea: Addresses['olympiads'] = {
  list: { method: 'GET', path: '/api/olympiads' },
  get: { method: 'GET', path: '/api/olympiads/:id' },
  create: { method: 'POST', path: '/api/olympiads' },
  putLogo: { method: 'POST', path: '/api/olympiads/:id/logo' },
  removeLogo: { method: 'DELETE', path: '/api/olympiads/:id/logo' },
  logo: { method: 'GET', path: '/api/public/olympiads/:id/logo' },
};

const authArea: Addresses['auth'] = {
  setupStatus: { method: 'GET', path: '/api/setup' },
  completeSetup: { method: 'POST', path: '/api/setup' },
  signInOrganiser: { method: 'POST', path: '/api/auth/organiser' },
  signInJudge: { method: 'POST', path: '/api/auth/judge' },
  me: { method: 'GET', path: '/api/me' },
  rotateTokenKey: { method: 'POST', path: '/api/auth/token-keys' },
  changePassword: { method: 'POST', path: '/api/auth/password' },
  signOutEverywhere: { method: 'POST', path: '/api/auth/sign-out-everywhere' },
};

const stagesArea: Addresses['stages'] = {
  list: { method: 'GET', path: '/api/stages' },
  get: { method: 'GET', path: '/api/stages/:id' },
  create: { method: 'POST', path: '/api/stages' },
  update: { method: 'PATCH', path: '/api/stages/:id' },
};

const schoolsArea: Addresses['schools'] = {
  list: { method: 'GET', path: '/api/schools' },
  create: { method: 'POST', path: '/api/schools' },
};

const regionsArea: Addresses['regions'] = {
  list: { method: 'GET', path: '/api/regions' },
};

const healthArea: Addresses['health'] = {
  get: { method: 'GET', path: '/api/health' },
  live: { method: 'GET', path: '/api/health/live' },
  ready: { method: 'GET', path: '/api/health/ready' },
  metrics: { method: 'GET', path: '/api/metrics' },
};

const tlsArea: Addresses['tls'] = {
  info: { method: 'GET', path: '/api/tls' },
  caCrt: { method: 'GET', path: '/api/tls/ca.crt' },
  caPem: { method: 'GET', path: '/api/tls/ca.pem' },
};

const categoriesArea: Addresses['categories'] = {
  presets: { method: 'GET', path: '/api/rule-presets' },
  create: { method: 'POST', path: '/api/categories' },
  list: { method: 'GET', path: '/api/stages/:stageId/categories' },
  get: { method: 'GET', path: '/api/categories/:id' },
  updateParams: { method: 'PATCH', path: '/api/categories/:id/params' },
  lock: { method: 'POST', path: '/api/categories/:id/lock' },
  unlock: { method: 'POST', path: '/api/categories/:id/unlock' },
  publish: { method: 'POST', path: '/api/categories/:id/publish' },
  unpublish: { method: 'POST', path: '/api/categories/:id/unpublish' },
};

const teamsArea: Addresses['teams'] = {
  create: { method: 'POST', path: '/api/teams' },
  update: { method: 'PATCH', path: '/api/teams/:id' },
  checkIn: { method: 'POST', path: '/api/teams/:id/check-in' },
  list: { method: 'GET', path: '/api/stages/:stageId/teams' },
};

const judgesArea: Addresses['judges'] = {
  create: { method: 'POST', path: '/api/judges' },
  update: { method: 'PATCH', path: '/api/judges/:id' },
  resetPin: { method: 'POST', path: '/api/judges/:id/pin' },
  list: { method: 'GET', path: '/api/stages/:stageId/judges' },
};

const ledgerArea: Addresses['ledger'] = {
  record: { method: 'POST', path: '/api/ledger' },
  list: { method: 'GET', path: '/api/categories/:id/ledger' },
};

const standingsArea: Addresses['standings'] = {
  get: { method: 'GET', path: '/api/categories/:id/standings' },
  verify: { method: 'GET', path: '/api/categories/:id/standings/verify' },
};

const federationArea: Addresses['federation'] = {
  venueKey: { method: 'GET', path: '/api/federation/venue-key' },
  stageBundle: { method: 'GET', path: '/api/stages/:id/bundle' },
  link: { method: 'POST', path: '/api/federation/link' },
  linkStatus: { method: 'GET', path: '/api/federation/link' },
  sendNow: { method: 'POST', path: '/api/federation/link/:stageId/send-now' },
  unlinkHere: { method: 'DELETE', path: '/api/federation/link/:stageId' },
  linkCode: { method: 'POST', path: '/api/stages/:id/link-code' },
  linkFile: { method: 'GET', path: '/api/stages/:id/link-file' },
  unlinkVenue: { method: 'DELETE', path: '/api/stages/:id/link' },
  claim: { method: 'POST', path: '/api/federation/claims' },
  batch: { method: 'POST', path: '/api/federation/stages/:stageId/batches' },
  importBundle: { method: 'POST', path: '/api/federation/bundles' },
  venues: { method: 'GET', path: '/api/federation/venues' },
  conflicts: { method: 'GET', path: '/api/federation/conflicts' },
};

const registrationArea: Addresses['registration'] = {
  preview: { method: 'POST', path: '/api/stages/:stageId/registration/preview' },
  confirm: { method: 'POST', path: '/api/stages/:stageId/registration/confirm' },
  startCommit: { method: 'POST', path: '/api/stages/:stageId/registration/commits' },
  commit: { method: 'GET', path: '/api/stages/:stageId/registration/commits/:jobId' },
};

const qualificationArea: Addresses['qualification'] = {
  preview: { method: 'POST', path: '/api/stages/:stageId/qualification/preview' },
  enter: { method: 'POST', path: '/api/stages/:stageId/qualification/enter' },
  entries: { method: 'GET', path: '/api/stages/:stageId/qualification/entries' },
};

const publicArea: Addresses['public'] = {
  stages: { method: 'GET', path: '/api/public/stages' },
  stage: { method: 'GET', path: '/api/public/stages/:code' },
  stageAwards: { method: 'GET', path: '/api/public/stages/:code/awards' },
  qualifiers: { method: 'GET', path: '/api/public/stages/:code/qualifiers' },
  categoryBracket: { method: 'GET', path: '/api/public/categories/:id/bracket' },
  categoryStandings: { method: 'GET', path: '/api/public/categories/:id/standings' },
  diplomaCheck: { method: 'GET', path: '/api/public/diplomas/:code' },
};

const displaysArea: Addresses['displays'] = {
  pair: { method: 'POST', path: '/api/displays/pairing' },
  list: { method: 'GET', path: '/api/displays' },
  claim: { method: 'POST', path: '/api/displays/claim' },
  update: { method: 'PATCH', path: '/api/displays/:id' },
  remove: { method: 'DELETE', path: '/api/displays/:id' },
};

const awardsArea: Addresses['awards'] = {
  list: { method: 'GET', path: '/api/stages/:stageId/awards' },
  start: { method: 'POST', path: '/api/categories/:id/awards/start' },
  reveal: { method: 'POST', path: '/api/categories/:id/awards/reveal' },
  end: { method: 'POST', path: '/api/categories/:id/awards/end' },
};

const documentsArea: Addresses['documents'] = {
  protocol: { method: 'GET', path: '/api/categories/:id/protocol.pdf' },
  diplomas: { method: 'GET', path: '/api/categories/:id/diplomas.pdf' },
};

const exportsArea: Addresses['exports'] = {
  categoryCsv: { method: 'GET', path: '/api/categories/:id/results.csv' },
  categoryXlsx: { method: 'GET', path: '/api/categories/:id/results.xlsx' },
  stageCsv: { method: 'GET', path: '/api/stages/:stageId/results.csv' },
  stageXlsx: { method: 'GET', path: '/api/stages/:stageId/results.xlsx' },
};

const sumoDrawArea: Addresses['sumoDraw'] = {
  draw: { method: 'POST', path: '/api/categories/:id/sumo/draw' },
  bracket: { method: 'GET', path: '/api/categories/:id/sumo/bracket' },
};

const runsArea: Addresses['runs'] = {
  arm: { method: 'POST', path: '/api/fields/:fieldId/runs' },
  cancel: { method: 'DELETE', path: '/api/fields/:fieldId/runs/current' },
  current: { method: 'GET', path: '/api/fields/:fieldId/run' },
  unassigned: { method: 'GET', path: '/api/fields/:fieldId/unassigned' },
  attach: { method: 'POST', path: '/api/fields/:fieldId/unassigned/attach' },
};

const fieldsArea: Addresses['fields'] = {
  create: { method: 'POST', path: '/api/fields' },
  list: { method: 'GET', path: '/api/stages/:stageId/fields' },
  setGates: { method: 'PUT', path: '/api/fields/:fieldId/gates' },
};

const devicesArea: Addresses['devices'] = {
  register: { method: 'POST', path: '/api/devices' },
  mosquittoFiles: { method: 'POST', path: '/api/devices/mosquitto-files' },
  list: { method: 'GET', path: '/api/stages/:stageId/devices' },
};

const fieldQueuesArea: Addresses['fieldQueues'] = {
  list: { method: 'GET', path: '/api/stages/:stageId/field-queues' },
  nextMatch: { method: 'POST', path: '/api/stages/:stageId/fields/:fieldId/next-match' },
  publicTurn: { method: 'GET', path: '/api/public/categories/:id/teams/:teamId/turn' },
};

const heldEntriesArea: Addresses['heldEntries'] = {
  hold: { method: 'POST', path: '/api/held-entries' },
  list: { method: 'GET', path: '/api/stages/:stageId/held-entries' },
  resolve: { method: 'POST', path: '/api/held-entries/:id/resolve' },
};

const protestsArea: Addresses['protests'] = {
  record: { method: 'POST', path: '/api/protests' },
  decide: { method: 'POST', path: '/api/protests/:id/decide' },
  listForStage: { method: 'GET', path: '/api/stages/:stageId/protests' },
  listForCategory: { method: 'GET', path: '/api/categories/:id/protests' },
  attachment: { method: 'GET', path: '/api/protests/:id/attachments/:attachmentId' },
};

const inspectionsArea: Addresses['inspections'] = {
  record: { method: 'POST', path: '/api/inspections' },
  listForCategory: { method: 'GET', path: '/api/categories/:id/inspections' },
};

const sensorsArea: Addresses['sensors'] = {
  stats: { method: 'GET', path: '/api/sensors/stats' },
};

const auditArea: Addresses['audit'] = {
  list: { method: 'GET', path: '/api/audit' },
  csv: { method: 'GET', path: '/api/audit.csv' },
};

const staffArea: Addresses['staff'] = {
  list: { method: 'GET', path: '/api/staff' },
  create: { method: 'POST', path: '/api/staff' },
  update: { method: 'PATCH', path: '/api/staff/:id' },
  setPassword: { method: 'POST', path: '/api/staff/:id/password' },
};

const scoreSheetsArea: Addresses['scoreSheets'] = {
  make: { method: 'POST', path: '/api/categories/:id/score-sheets' },
  pdf: { method: 'GET', path: '/api/categories/:id/score-sheets.pdf' },
  get: { method: 'GET', path: '/api/score-sheets/:code' },
  typeIn: { method: 'POST', path: '/api/score-sheets/:code/lines' },
};

const doubleEntryArea: Addresses['doubleEntry'] = {
  list: { method: 'GET', path: '/api/categories/:id/double-entries' },
};

const sumoClockArea: Addresses['sumoClock'] = {
  report: { method: 'POST', path: '/api/fields/:fieldId/sumo-clock' },
};

export {
  olympiadsArea as olympiads,
  authArea as auth,
  stagesArea as stages,
  schoolsArea as schools,
  regionsArea as regions,
  healthArea as health,
  tlsArea as tls,
  categoriesArea as categories,
  teamsArea as teams,
  judgesArea as judges,
  ledgerArea as ledger,
  standingsArea as standings,
  federationArea as federation,
  registrationArea as registration,
  qualificationArea as qualification,
  publicArea as public,
  displaysArea as displays,
  awardsArea as awards,
  documentsArea as documents,
  exportsArea as exports,
  sumoDrawArea as sumoDraw,
  runsArea as runs,
  fieldsArea as fields,
  devicesArea as devices,
  fieldQueuesArea as fieldQueues,
  heldEntriesArea as heldEntries,
  protestsArea as protests,
  inspectionsArea as inspections,
  sensorsArea as sensors,
  auditArea as audit,
  staffArea as staff,
  scoreSheetsArea as scoreSheets,
  doubleEntryArea as doubleEntry,
  sumoClockArea as sumoClock,
};
