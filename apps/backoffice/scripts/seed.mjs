// Creates submitted cases as an applicant would, for local review and screenshots.
// usage: node scripts/seed.mjs [baseURL] [count]   (default http://127.0.0.1:8080, 3)
// With RESUBMIT_AS=email:password, the last case also goes through one resubmission of its selfie
// (that reviewer requests it, the applicant re-takes it), so it has two selfie revisions.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const count = Number(process.argv[3] ?? 3);
// Start at a different person each run, so a new case is easy to spot in the list.
const offset = Number(process.env.SEED_OFFSET ?? Math.floor(Date.now() / 1000));
const fixtures = new URL('../../../e2e/fixtures/', import.meta.url);
const people = [
  ['Ada', 'Lovelace'], ['Grace', 'Hopper'], ['Alan', 'Turing'], ['Katherine', 'Johnson'],
  ['Edsger', 'Dijkstra'], ['Barbara', 'Liskov'], ['Donald', 'Knuth'], ['Margaret', 'Hamilton'],
];

async function gql(query, variables, token, cookie) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function upload(token, caseId, type, side, file) {
  const form = new FormData();
  form.set('operations', JSON.stringify({
    query: 'mutation($input: UploadDocumentInput!) { uploadDocument(input: $input) { id } }',
    variables: { input: { caseId, type, side, file: null } },
  }));
  form.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
  const bytes = await readFile(fileURLToPath(new URL(file, fixtures)));
  form.set('0', new Blob([bytes], { type: 'image/jpeg' }), file);
  const res = await fetch(`${base}/graphql`, {
    method: 'POST', body: form,
    headers: { authorization: `Bearer ${token}`, 'GraphQL-Require-Preflight': '1' },
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

const next = (token, caseId, documentType) => gql(
  'mutation($input: SendCaseEventInput!) { sendCaseEvent(input: $input) { state status } }',
  { input: { caseId, event: 'USER_NEXT_STEP', documentType } }, token);

for (let i = 0; i < count; i++) {
  const [firstName, lastName] = people[(offset + i) % people.length];
  const email = `${firstName}.${lastName}@example.com`.toLowerCase();
  const { startCase } = await gql(
    'mutation($input: StartCaseInput) { startCase(input: $input) { token case { id } } }',
    { input: { firstName, lastName, email } });
  const { token, case: { id } } = startCase;
  const type = ['PASSPORT', 'ID_CARD', 'DRIVERS_LICENSE'][i % 3];
  await next(token, id);
  await next(token, id, type);
  await upload(token, id, type, 'FRONT', 'document.jpg');
  await next(token, id);
  await next(token, id);
  await upload(token, id, 'SELFIE', null, 'selfie.jpg');
  await next(token, id);
  let { sendCaseEvent } = await next(token, id);
  if (process.env.RESUBMIT_AS && i === count - 1) {
    const [reviewer, password] = process.env.RESUBMIT_AS.split(':');
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($input: LoginInput!) { login(input: $input) { id } }', variables: { input: { email: reviewer, password } } }),
    });
    const cookie = login.headers.get('set-cookie').split(';')[0];
    const { node } = await gql('query($id: ID!) { node(id: $id) { ... on Case { version documents { id type } } } }', { id }, null, cookie);
    const selfie = node.documents.find((d) => d.type === 'SELFIE');
    await gql(
      'mutation($input: DecideCaseInput!) { decideCase(input: $input) { status } }',
      { input: { caseId: id, decision: 'REQUEST_RESUBMISSION', reason: 'Blurry image', documents: [{ documentId: selfie.id, reason: 'Blurry image: face out of focus' }], expectedVersion: node.version } },
      null, cookie);
    await upload(token, id, 'SELFIE', null, 'selfie.jpg');
    await next(token, id);
    ({ sendCaseEvent } = await next(token, id));
  }
  console.log(`${firstName} ${lastName}: ${id} ${sendCaseEvent.status} (token ${token})`);
}
