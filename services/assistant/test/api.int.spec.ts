// The assistant over real gRPC, reading a real catalog service (seeded, on the embedded store and
// on PostgreSQL), with and without an LLM endpoint (a fake OpenAI-compatible server).
import { status } from '@grpc/grpc-js';
import { catalogConfig, loadSeed, setupCatalog, type SeedProduct } from '@mercato/catalog';
import { testDatabaseIfAvailable } from '@mercato/db';
import { asUser, checkHealth, connect, generateSigningKeys, listServices, startService, testServiceEnv, TokenIssuer, type KitClient, type RunningService } from '@mercato/kit';
import type { AnswerQuestionResponse__Output } from '@mercato/protos/gen/mercato/assistant/v1/AnswerQuestionResponse';
import type { AssistantServiceDefinition } from '@mercato/protos/gen/mercato/assistant/v1/AssistantService';
import type { DraftDescriptionResponse__Output } from '@mercato/protos/gen/mercato/assistant/v1/DraftDescriptionResponse';
import type { SummarizeReviewsResponse__Output } from '@mercato/protos/gen/mercato/assistant/v1/SummarizeReviewsResponse';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import { ASSISTANT_SERVICE, assistantConfig, BUILTIN_MODELS, NO_ANSWER, NO_ENDPOINT, setupAssistant, type AssistantConfig } from '../src';
import { collect } from '../src/eval/harness';
import { startFakeLlm, type FakeLlm } from '../src/eval/fake-llm';
import { DONT_KNOW } from '../src/llm/prompts';

const keys = generateSigningKeys();
const issuer = new TokenIssuer(keys.privateKey);
const shopper = asUser(issuer, 'u-shopper');
const admin = asUser(issuer, 'u-admin', ['admin']);
const LLM_ENV = { LLM_MODEL: 'fake-model', LLM_API_KEY: 'test-key', LLM_TIMEOUT_MS: '1500', BREAKER_VOLUME_THRESHOLD: '3', BREAKER_ERROR_PERCENT: '50', BREAKER_RESET_MS: '3000', ASSISTANT_CACHE_ENTRIES: '0' };
const LLM_SUMMARY = 'Pros:\n- The pit zips make a real difference when walking uphill.\nCons:\n- none\nOverall: A good jacket.';

type Client = KitClient<AssistantServiceDefinition>;
interface Assistant {
  running: RunningService<AssistantConfig>;
  client: Client;
}

describe.each(['pglite', 'postgres'] as const)('assistant over gRPC, catalog on %s', (backend) => {
  let seed: SeedProduct[];
  let catalog: RunningService<unknown> | undefined;
  let catalogClient: KitClient<CatalogServiceDefinition>;
  let dropDb: (() => Promise<void>) | undefined;
  const assistants: Assistant[] = [];
  const fakes: FakeLlm[] = [];
  let plain: Assistant;

  async function startAssistant(env: Record<string, string> = {}): Promise<Assistant> {
    const running = await startService('assistant', setupAssistant, {
      env: testServiceEnv({ CATALOG_ADDR: `127.0.0.1:${catalog!.grpcPort}`, JWT_PUBLIC_KEY: keys.publicKey, ...env }),
      config: assistantConfig,
    });
    const a = { running, client: connect<AssistantServiceDefinition>(ASSISTANT_SERVICE, `127.0.0.1:${running.grpcPort}`) };
    assistants.push(a);
    return a;
  }

  async function fakeLlm(): Promise<FakeLlm> {
    const f = await startFakeLlm();
    fakes.push(f);
    return f;
  }

  const summarize = (client: Client, productId: string) => collect<SummarizeReviewsResponse__Output>(client.stream('SummarizeReviews', { productId }));
  const ask = (client: Client, productId: string, question: string) => collect<AnswerQuestionResponse__Output>(client.stream('AnswerQuestion', { productId, question }, shopper));
  const metricsOf = async (a: Assistant): Promise<string> => (await fetch(`http://127.0.0.1:${a.running.metricsPort}/metrics`)).text();

  beforeAll(async () => {
    seed = (await loadSeed()).products;
    const env = testServiceEnv({ JWT_PUBLIC_KEY: keys.publicKey });
    if (backend === 'postgres') {
      const db = await testDatabaseIfAvailable('mercato_assistant');
      if (!db) return;
      dropDb = db.drop;
      env.DATABASE_URL = db.url;
    }
    catalog = await startService('catalog', setupCatalog, { env, config: catalogConfig });
    catalogClient = connect<CatalogServiceDefinition>('mercato.catalog.v1.CatalogService', `127.0.0.1:${catalog.grpcPort}`);
    plain = await startAssistant();
  });
  afterAll(async () => {
    for (const a of assistants) {
      a.client.close();
      await a.running.shutdown();
    }
    for (const f of fakes) await f.close();
    catalogClient?.close();
    await catalog?.shutdown();
    await dropDb?.();
  });
  const run = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (catalog) await fn();
    });

  run('is SERVING and describes itself through reflection', async () => {
    const address = `127.0.0.1:${plain.running.grpcPort}`;
    await expect(checkHealth(address)).resolves.toBe('SERVING');
    await expect(listServices(address)).resolves.toEqual([ASSISTANT_SERVICE]);
  });

  run('summarises reviews with sentences taken from them, streamed, naming the built-in engine', async () => {
    const messages = await summarize(plain.client, 'APP-0001');
    const { reviews } = await catalogClient.call('ListReviews', { productId: 'APP-0001', page: { pageSize: 100 } });
    const summary = messages.at(-1)!.summary!;
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expect(m.engine).toEqual({ engine: 'ENGINE_BUILTIN', model: BUILTIN_MODELS.extractive, fallbackReason: NO_ENDPOINT, cached: false });
    const statements = [...summary.pros, ...summary.cons, summary.overall];
    expect(summary.pros.length).toBeGreaterThan(0);
    expect(summary.cons.length).toBeGreaterThan(0);
    for (const s of statements) expect(reviews.some((r) => r.body.includes(s))).toBe(true);
    for (const c of summary.citations) expect(reviews.find((r) => r.id === c.sourceId)?.body).toContain(c.quote);
    expect(summary).toMatchObject({ reviewCount: reviews.length });
    const text = messages.map((m) => m.textDelta ?? '').join('');
    for (const s of statements) expect(text).toContain(s);
  });

  run('serves a repeated summary from the cache until a new review changes the product', async () => {
    const first = await summarize(plain.client, 'KIT-0002');
    const again = await summarize(plain.client, 'KIT-0002');
    expect(first[0]!.engine!.cached).toBe(false);
    expect(again[0]!.engine!.cached).toBe(true);
    expect(again.at(-1)!.summary).toEqual(first.at(-1)!.summary);
    await catalogClient.call('AddReview', { productId: 'KIT-0002', rating: 1, title: 'Broke', body: 'The handle snapped off after two weeks. Terrible.' }, asUser(issuer, `u-reviewer-${backend}`));
    const after = await summarize(plain.client, 'KIT-0002');
    expect(after[0]!.engine!.cached).toBe(false);
    expect(after.at(-1)!.summary!.reviewCount).toBe(first.at(-1)!.summary!.reviewCount + 1);
  });

  run('says so when a product has no reviews', async () => {
    const empty = seed.find((p) => p.reviews.length === 0)!;
    const messages = await summarize(plain.client, empty.id);
    expect(messages.at(-1)!.summary).toMatchObject({ pros: [], cons: [], overall: '', reviewCount: 0 });
    expect(messages.map((m) => m.textDelta ?? '').join('')).toBe('There are no reviews of this product yet.');
  });

  run('answers signed-in shoppers from the product and its reviews, or says it does not know', async () => {
    await expect(collect(plain.client.stream('AnswerQuestion', { productId: 'APP-0001', question: 'Are the pit zips useful?' }))).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    const zips = (await ask(plain.client, 'APP-0001', 'Are the pit zips\nuseful?')).at(-1)!.answer!;
    expect(zips.grounded).toBe(true);
    expect(zips.citations.some((c) => c.sourceType === 'review' && c.quote.includes('pit zips'))).toBe(true);
    const price = (await ask(plain.client, 'APP-0001', 'How much does it cost?')).at(-1)!.answer!;
    expect(price.text).toContain('198.99 USD');
    const unknown = await ask(plain.client, 'APP-0001', 'Does it support bluetooth pairing?');
    expect(unknown.at(-1)!.answer).toMatchObject({ grounded: false });
    expect(unknown.at(-1)!.answer!.text.startsWith(NO_ANSWER)).toBe(true);
    expect(unknown.map((m) => m.textDelta ?? '').join('')).toBe(unknown.at(-1)!.answer!.text);
  });

  run('drafts descriptions for admins, from a product or from given fields, within the word budget', async () => {
    const draft = (request: object, as = admin) => collect<DraftDescriptionResponse__Output>(plain.client.stream('DraftDescription', request, as));
    await expect(draft({ productId: 'APP-0001' }, shopper)).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    const fromProduct = (await draft({ productId: 'APP-0001', tone: 'TONE_PREMIUM', maxWords: 40 })).at(-1)!;
    expect(fromProduct.engine).toMatchObject({ engine: 'ENGINE_BUILTIN', model: BUILTIN_MODELS.template });
    expect(fromProduct.description).toContain('Harbour Waxed Cotton Rain Jacket');
    expect(fromProduct.description!.split(/\s+/).length).toBeLessThanOrEqual(40);
    const fromFields = (await draft({ name: 'Trail Lantern', categoryId: 'outdoor', features: ['three brightness levels', 'USB-C charging'], tone: 'TONE_TECHNICAL' })).at(-1)!;
    expect(fromFields.description).toContain('Trail Lantern');
    expect(fromFields.description).toContain('USB-C charging');
  });

  run('refuses malformed requests naming the field, and unknown products', async () => {
    const refused = (p: Promise<unknown>, field: string) => expect(p).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}: `)) });
    await refused(summarize(plain.client, ''), 'product_id');
    await refused(summarize(plain.client, 'no such id!'), 'product_id');
    await refused(ask(plain.client, 'APP-0001', ''), 'question');
    await refused(ask(plain.client, 'APP-0001', 'x'.repeat(501)), 'question');
    await refused(ask(plain.client, 'APP-0001', 'why\u0000'), 'question');
    await refused(ask(plain.client, 'APP-0001', '??? 123'), 'question');
    const draft = (request: object) => collect(plain.client.stream('DraftDescription', request, admin));
    await refused(draft({}), 'product_id');
    await refused(draft({ name: 'Lamp', maxWords: 5 }), 'max_words');
    await refused(draft({ name: 'Lamp', tone: 9 }), 'tone');
    await refused(draft({ name: 'Lamp', categoryId: 'Not A Slug' }), 'category_id');
    await refused(draft({ name: 'Lamp', features: ['ok', ''] }), 'features[1]');
    await refused(draft({ name: 'Lamp', features: Array.from({ length: 21 }, (_, i) => `f${i}`) }), 'features');
    await expect(summarize(plain.client, 'NOPE-0000')).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(ask(plain.client, 'NOPE-0000', 'Is it good?')).rejects.toMatchObject({ code: status.NOT_FOUND });
    // Still serving after all that.
    expect((await summarize(plain.client, 'APP-0001')).at(-1)!.summary).toBeTruthy();
  });

  run('with an LLM: streams its answer, falls back on a timeout, opens the breaker on 500s and closes it after the reset', async () => {
    const fake = await fakeLlm();
    const a = await startAssistant({ ...LLM_ENV, LLM_BASE_URL: fake.baseUrl });
    // (a) a proper streamed answer
    fake.mode = { kind: 'answer', text: () => LLM_SUMMARY };
    const ok = await summarize(a.client, 'APP-0001');
    expect(ok.map((m) => m.engine)).toEqual(ok.map(() => ({ engine: 'ENGINE_LLM', model: 'fake-model', fallbackReason: '', cached: false })));
    expect(ok.map((m) => m.textDelta ?? '').join('')).toBe(LLM_SUMMARY);
    expect(ok.at(-1)!.summary).toMatchObject({ pros: ['The pit zips make a real difference when walking uphill.'], cons: [], overall: 'A good jacket.' });
    expect(ok.at(-1)!.summary!.citations[0]).toMatchObject({ sourceType: 'review', quote: 'The pit zips make a real difference when walking uphill.' });
    const prompt = fake.requests[0]!;
    expect(prompt).toMatchObject({ model: 'fake-model', stream: true, authorization: 'Bearer test-key' });
    expect(prompt.messages[0]!.content).toMatch(/Use ONLY the catalog data/);
    expect(prompt.messages[1]!.content).toContain('The pit zips make a real difference when walking uphill.');

    // (b) no first token: the built-in engine answers once the timeout passes, long before the endpoint would
    fake.mode = { kind: 'hang' };
    const started = Date.now();
    const slow = await summarize(a.client, 'APP-0001');
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(slow[0]!.engine).toMatchObject({ engine: 'ENGINE_BUILTIN', model: BUILTIN_MODELS.extractive, fallbackReason: expect.stringMatching(/^timeout/) });
    expect(slow.at(-1)!.summary!.pros.length).toBeGreaterThan(0);

    // (c) 500s until the breaker opens; then the endpoint is not called at all
    fake.mode = { kind: 'status', status: 500 };
    const reasons: string[] = [];
    while (reasons.at(-1) !== 'breaker open' && reasons.length < 10) reasons.push((await summarize(a.client, 'APP-0001'))[0]!.engine!.fallbackReason);
    expect(reasons.at(-1)).toBe('breaker open');
    expect(reasons.slice(0, -1).every((r) => r === 'error: HTTP 500')).toBe(true);
    expect(await metricsOf(a)).toMatch(/mercato_breaker_state\{[^}]*target="llm"[^}]*\} 2/);
    const seen = fake.requests.length;
    for (let i = 0; i < 3; i++) expect((await summarize(a.client, 'APP-0001'))[0]!.engine).toMatchObject({ engine: 'ENGINE_BUILTIN', fallbackReason: 'breaker open' });
    expect(fake.requests.length).toBe(seen);

    // (d) the endpoint recovers: after the reset time one call goes through and closes the breaker
    fake.mode = { kind: 'answer', text: () => LLM_SUMMARY };
    let engine = '';
    for (const deadline = Date.now() + 10_000; engine !== 'ENGINE_LLM' && Date.now() < deadline; ) {
      engine = (await summarize(a.client, 'APP-0001'))[0]!.engine!.engine;
      if (engine !== 'ENGINE_LLM') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(engine).toBe('ENGINE_LLM');
    const metrics = await metricsOf(a);
    expect(metrics).toMatch(/mercato_breaker_state\{[^}]*target="llm"[^}]*\} 0/);
    expect(metrics).toMatch(/mercato_assistant_answers_total\{[^}]*method="summarize_reviews",engine="llm",outcome="ok"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/mercato_assistant_fallbacks_total\{[^}]*reason="breaker_open"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/mercato_assistant_fallbacks_total\{[^}]*reason="timeout"[^}]*\} 1/);
  });

  run('an LLM that stalls mid-answer ends the stream UNAVAILABLE instead of mixing engines', async () => {
    const fake = await fakeLlm();
    const a = await startAssistant({ ...LLM_ENV, LLM_BASE_URL: fake.baseUrl });
    fake.mode = { kind: 'stall', after: 'Pros:\n- ' };
    const received: SummarizeReviewsResponse__Output[] = [];
    const stream = a.client.stream('SummarizeReviews', { productId: 'APP-0001' });
    stream.on('data', (m: SummarizeReviewsResponse__Output) => received.push(m));
    await expect(collect(stream)).rejects.toMatchObject({ code: status.UNAVAILABLE });
    expect(received.map((m) => m.engine!.engine)).toEqual(['ENGINE_LLM']);
  });

  run('an LLM answer that does not know is not grounded; its grounded answers cite catalog sentences', async () => {
    const fake = await fakeLlm();
    const a = await startAssistant({ ...LLM_ENV, LLM_BASE_URL: fake.baseUrl });
    fake.mode = { kind: 'answer', text: () => DONT_KNOW };
    expect((await ask(a.client, 'APP-0001', 'Is it good for skiing?')).at(-1)!.answer).toMatchObject({ grounded: false, citations: [] });
    fake.mode = { kind: 'answer', text: () => 'Reviewers say the pit zips make a real difference when walking uphill.' };
    const yes = (await ask(a.client, 'APP-0001', 'Are the pit zips useful?')).at(-1)!;
    expect(yes.engine).toMatchObject({ engine: 'ENGINE_LLM' });
    expect(yes.answer).toMatchObject({ grounded: true, citations: [{ sourceType: 'review', quote: 'The pit zips make a real difference when walking uphill.' }] });
    expect(fake.requests.at(-1)!.messages[1]!.content).toContain('Are the pit zips useful?');
    // Nothing to summarise: the built-in engine says so without asking the model.
    const asked = fake.requests.length;
    const empty = await summarize(a.client, seed.find((p) => p.reviews.length === 0)!.id);
    expect(empty[0]!.engine).toMatchObject({ engine: 'ENGINE_BUILTIN', fallbackReason: 'no reviews to summarise' });
    expect(fake.requests.length).toBe(asked);
  });

  // Last: it stops the catalog.
  run('while the catalog is down, cached answers are still served and others fail UNAVAILABLE', async () => {
    await summarize(plain.client, 'AUD-0003');
    catalogClient.close();
    await catalog!.shutdown();
    catalog = undefined;
    const stale = await summarize(plain.client, 'AUD-0003');
    expect(stale.every((m) => m.engine!.cached)).toBe(true);
    expect(stale.at(-1)!.summary!.reviewCount).toBeGreaterThan(0);
    await expect(summarize(plain.client, 'AUD-0004')).rejects.toMatchObject({ code: status.UNAVAILABLE });
  });
});
