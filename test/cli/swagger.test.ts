import fc from 'fast-check';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, test } from 'vitest';
import { SwaggerDocumentError, convertSwagger } from '../../src/cli/swagger.js';

type Obj = Record<string, any>;

const base = (extra: Obj = {}): Obj => ({
  swagger: '2.0',
  info: { title: 'Salesforce Sales Cloud', version: '1.0' },
  host: 'api.cloud-elements.com',
  basePath: '/elements/api-v2/hubs/crm',
  schemes: ['https'],
  consumes: ['application/json'],
  produces: ['application/json'],
  paths: {},
  definitions: {},
  ...extra,
});

const kinds = (warnings: { kind: string }[]) => warnings.map((w) => w.kind);

describe('convertSwagger: the mapping', () => {
  test('basePath below /elements/api-v2 prefixes every path; the server is the API base', () => {
    const { document, warnings } = convertSwagger(
      base({
        paths: {
          '/contacts': { get: { operationId: 'getContacts', responses: { 200: { description: 'OK' } } } },
        },
      }),
    );
    expect(Object.keys(document.paths)).toEqual(['/hubs/crm/contacts']);
    expect(document.servers).toEqual([{ url: 'https://api.cloud-elements.com/elements/api-v2' }]);
    expect(document.openapi).toBe('3.0.3');
    expect(warnings).toEqual([]);
  });

  test('a basePath outside the API base keeps the paths as they are, with a warning', () => {
    const { document, warnings } = convertSwagger(
      base({ basePath: '/v1', paths: { '/a': { get: { responses: { 200: { description: 'OK' } } } } } }),
    );
    expect(Object.keys(document.paths)).toEqual(['/a']);
    expect(document.servers).toEqual([{ url: 'https://api.cloud-elements.com/v1' }]);
    expect(kinds(warnings)).toEqual(['document']);
  });

  test('definitions become components.schemas and $refs follow them', () => {
    const { document } = convertSwagger(
      base({
        definitions: {
          Contact: {
            type: 'object',
            properties: {
              account: { $ref: '#/definitions/Account' },
              tags: { type: 'array', items: { type: 'string' } },
            },
          },
          Account: { type: 'object', properties: { name: { type: 'string', 'x-nullable': true } } },
        },
      }),
    );
    expect(document.components.schemas.Contact).toEqual({
      type: 'object',
      properties: {
        account: { $ref: '#/components/schemas/Account' },
        tags: { type: 'array', items: { type: 'string' } },
      },
    });
    expect(document.components.schemas.Account!.properties).toEqual({
      name: { type: 'string', 'x-nullable': true, nullable: true },
    });
  });

  test('a body parameter becomes the requestBody for each media type the operation consumes', () => {
    const { document } = convertSwagger(
      base({
        paths: {
          '/contacts': {
            post: {
              operationId: 'createContact',
              consumes: ['application/json', 'application/xml'],
              parameters: [
                { name: 'Authorization', in: 'header', required: true, type: 'string' },
                {
                  name: 'body',
                  in: 'body',
                  required: true,
                  description: 'The contact',
                  schema: { $ref: '#/definitions/Contact' },
                },
              ],
              responses: { 200: { description: 'OK', schema: { $ref: '#/definitions/Contact' } } },
            },
          },
        },
        definitions: { Contact: { type: 'object', properties: {} } },
      }),
    );
    const post = document.paths['/hubs/crm/contacts']!.post as Obj;
    // The SDK sends Authorization: the header parameter is dropped, so typed calls need not name it.
    expect(post.parameters).toBeUndefined();
    expect(post.requestBody).toEqual({
      description: 'The contact',
      required: true,
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/Contact' } },
        'application/xml': { schema: { $ref: '#/components/schemas/Contact' } },
      },
    });
    expect(post.responses['200'].content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Contact' } },
    });
  });

  test('formData parameters become a multipart requestBody; type file is a binary string', () => {
    const { document } = convertSwagger(
      base({
        basePath: '/elements/api-v2/hubs/documents',
        paths: {
          '/files': {
            post: {
              consumes: ['multipart/form-data'],
              parameters: [
                { name: 'file', in: 'formData', required: true, type: 'file' },
                { name: 'description', in: 'formData', type: 'string' },
                { name: 'path', in: 'query', required: true, type: 'string' },
              ],
              responses: { 200: { description: 'OK' } },
            },
            get: {
              produces: ['application/octet-stream'],
              parameters: [{ name: 'path', in: 'query', required: true, type: 'string' }],
              responses: { 200: { description: 'OK', schema: { type: 'file' } } },
            },
          },
        },
      }),
    );
    const item = document.paths['/hubs/documents/files']!;
    expect((item.post as Obj).requestBody).toEqual({
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: { file: { type: 'string', format: 'binary' }, description: { type: 'string' } },
            required: ['file'],
          },
        },
      },
    });
    expect((item.post as Obj).parameters).toEqual([
      { name: 'path', in: 'query', required: true, schema: { type: 'string' } },
    ]);
    expect((item.get as Obj).responses['200'].content).toEqual({
      'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
    });
  });

  test('path-level parameters apply to every operation; collectionFormat becomes style and explode', () => {
    const { document } = convertSwagger(
      base({
        paths: {
          '/contacts/{id}': {
            parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }],
            get: {
              parameters: [
                {
                  name: 'fields',
                  in: 'query',
                  type: 'array',
                  items: { type: 'string' },
                  collectionFormat: 'csv',
                },
                {
                  name: 'tag',
                  in: 'query',
                  type: 'array',
                  items: { type: 'string' },
                  collectionFormat: 'multi',
                },
              ],
              responses: { 200: { description: 'OK' } },
            },
          },
        },
      }),
    );
    expect((document.paths['/hubs/crm/contacts/{id}']!.get as Obj).parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      {
        name: 'fields',
        in: 'query',
        required: false,
        schema: { type: 'array', items: { type: 'string' } },
        style: 'form',
        explode: false,
      },
      {
        name: 'tag',
        in: 'query',
        required: false,
        schema: { type: 'array', items: { type: 'string' } },
        style: 'form',
        explode: true,
      },
    ]);
  });

  test('shared parameters and responses ($ref) are inlined; response headers get a schema', () => {
    const { document, warnings } = convertSwagger(
      base({
        parameters: { pageSize: { name: 'pageSize', in: 'query', type: 'integer', format: 'int64' } },
        responses: { Ok: { description: 'OK', headers: { 'Elements-Next-Page-Token': { type: 'string' } } } },
        paths: {
          '/contacts': {
            get: {
              parameters: [{ $ref: '#/parameters/pageSize' }],
              responses: { 200: { $ref: '#/responses/Ok' } },
            },
          },
        },
      }),
    );
    const get = document.paths['/hubs/crm/contacts']!.get as Obj;
    expect(get.parameters).toEqual([
      { name: 'pageSize', in: 'query', required: false, schema: { type: 'integer', format: 'int64' } },
    ]);
    expect(get.responses['200']).toEqual({
      description: 'OK',
      headers: { 'Elements-Next-Page-Token': { schema: { type: 'string' } } },
    });
    expect(warnings).toEqual([]);
  });
});

describe('convertSwagger: quirks are repaired with a warning, never a crash', () => {
  test('a schema without type gets the type its keywords imply', () => {
    const { document, warnings } = convertSwagger(
      base({
        definitions: {
          Invoice__c: {
            properties: {
              Amount__c: { format: 'double' },
              Level__c: { format: 'int32' },
              Frequency: { enum: ['Daily', 'Weekly'] },
              Lines: { items: { type: 'string' } },
              Anything: { description: 'no hint at all' },
            },
          },
        },
      }),
    );
    const schema = document.components.schemas.Invoice__c!;
    expect(schema.type).toBe('object');
    expect(schema.properties).toMatchObject({
      Amount__c: { type: 'number' },
      Level__c: { type: 'integer' },
      Frequency: { type: 'string' },
      Lines: { type: 'array' },
      Anything: { description: 'no hint at all' },
    });
    expect((schema.properties as Obj).Anything.type).toBeUndefined();
    expect(kinds(warnings)).toEqual(Array(6).fill('missing-type'));
    expect(warnings.map((w) => w.message)).toContain(
      'definitions.Invoice__c has no type; repaired as object',
    );
  });

  test('a $ref to a definition that does not exist becomes unknown', () => {
    const { document, warnings } = convertSwagger(
      base({
        definitions: {
          Invoice__c: {
            type: 'object',
            properties: { attributes: { $ref: '#/definitions/SObjectAttributes' } },
          },
        },
        paths: {
          '/x': { get: { responses: { 200: { description: 'OK', schema: { $ref: 'Contact.json' } } } } },
        },
      }),
    );
    expect(document.components.schemas.Invoice__c!.properties).toEqual({ attributes: {} });
    expect(warnings).toEqual([
      {
        kind: 'undefined-ref',
        message:
          'definitions.Invoice__c.attributes: $ref #/definitions/SObjectAttributes points to no definition; typed as unknown',
      },
      {
        kind: 'undefined-ref',
        message:
          'GET /hubs/crm/x 200 response: $ref Contact.json is not a local definition; typed as unknown',
      },
    ]);
  });

  test('a second operation with a used operationId is renamed <id>_2, then _3', () => {
    const op = { operationId: 'getObjectsObjectNameMetadata', responses: { 200: { description: 'OK' } } };
    const { document, warnings } = convertSwagger(
      base({
        paths: {
          '/objects/{objectName}/metadata': {
            get: { ...op, parameters: [{ name: 'objectName', in: 'path', required: true, type: 'string' }] },
          },
          '/objects/Invoice__c/metadata': { get: op },
          '/objects/Project__c/metadata': { get: op },
        },
      }),
    );
    const ids = Object.values(document.paths).map((item) => (item.get as Obj).operationId);
    expect(ids).toEqual([
      'getObjectsObjectNameMetadata',
      'getObjectsObjectNameMetadata_2',
      'getObjectsObjectNameMetadata_3',
    ]);
    expect(kinds(warnings)).toEqual(['duplicate-operation-id', 'duplicate-operation-id']);
  });

  test('parameters: no type, an undeclared path parameter, one declared but not in the path, misspelt types', () => {
    const { document, warnings } = convertSwagger(
      base({
        paths: {
          '/contacts/{id}': {
            get: {
              parameters: [
                { name: 'where', in: 'query' },
                { name: 'objectName', in: 'path', type: 'string' },
                { name: 'since', in: 'query', type: 'date' },
                { name: 'count', in: 'query', type: 'int' },
                { in: 'query' },
                { name: 'x', in: 'cookie', type: 'string' },
              ],
              responses: { 200: { description: 'OK' } },
            },
          },
        },
      }),
    );
    expect((document.paths['/hubs/crm/contacts/{id}']!.get as Obj).parameters).toEqual([
      { name: 'where', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'since', in: 'query', required: false, schema: { type: 'string', format: 'date' } },
      { name: 'count', in: 'query', required: false, schema: { type: 'integer', format: 'int32' } },
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(kinds(warnings).sort()).toEqual(
      [
        'invalid-type',
        'invalid-type',
        'missing-type',
        'parameter',
        'parameter',
        'parameter',
        'parameter',
      ].sort(),
    );
  });

  test('definition names OpenAPI 3 does not allow are renamed, and their $refs follow', () => {
    const { document, warnings } = convertSwagger(
      base({
        definitions: { 'Sales Order': { type: 'object' }, Sales_Order: { type: 'object' } },
        paths: {
          '/orders': {
            get: { responses: { 200: { description: 'OK', schema: { $ref: '#/definitions/Sales Order' } } } },
          },
        },
      }),
    );
    expect(Object.keys(document.components.schemas)).toEqual(['Sales_Order_2', 'Sales_Order']);
    const get = document.paths['/hubs/crm/orders']!.get as Obj;
    expect(get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Sales_Order_2',
    });
    expect(warnings).toEqual([
      {
        kind: 'definition-name',
        message:
          'definition "Sales Order" is renamed Sales_Order_2 (OpenAPI 3 allows letters, digits, ., - and _ in schema names)',
      },
    ]);
  });

  test('a valid definition name is never renamed; a rewritten one takes a free suffix', () => {
    const { document, warnings } = convertSwagger(
      base({
        definitions: {
          'Item 1': { type: 'string' },
          Item_1: { type: 'integer' },
          Item_2: { type: 'boolean' },
          'Item_1 2': { type: 'number' },
        },
        paths: {
          '/items': {
            get: {
              responses: {
                200: { description: 'OK', schema: { $ref: '#/definitions/Item 1' } },
                201: { description: 'OK', schema: { $ref: '#/definitions/Item_1' } },
              },
            },
          },
        },
      }),
    );
    expect(document.components.schemas).toEqual({
      Item_1_2: { type: 'string' },
      Item_1: { type: 'integer' },
      Item_2: { type: 'boolean' },
      Item_1_2_2: { type: 'number' },
    });
    const responses = (document.paths['/hubs/crm/items']!.get as Obj).responses;
    expect(responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Item_1_2',
    });
    expect(responses['201'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Item_1',
    });
    expect(kinds(warnings)).toEqual(['definition-name', 'definition-name']);
  });

  test('names of Object.prototype members are names: __proto__ is kept, hasOwnProperty does not break openapi-typescript', async () => {
    // JSON.parse, as the docs arrive: `__proto__` is then an own key of the document.
    const { document, warnings } = convertSwagger(
      JSON.parse(
        JSON.stringify(
          base({
            paths: {
              '/a': {
                get: {
                  responses: {
                    200: {
                      description: 'OK',
                      schema: { $ref: '#/definitions/Custom%20Object__c' },
                      headers: { hasOwnProperty: { type: 'string' }, 'X-Kept': { type: 'string' } },
                    },
                    201: { description: 'OK', schema: { $ref: '#/definitions/hasOwnProperty' } },
                  },
                },
              },
            },
            definitions: {
              'Custom Object__c': {
                type: 'object',
                properties: {
                  hasOwnProperty: { type: 'string' },
                  valueOf: { type: 'string' },
                  constructor: { type: 'boolean' },
                  kept: { type: 'constructor' },
                },
              },
              hasOwnProperty: { type: 'object', properties: { x: { type: 'string' } } },
            },
          }),
        ).replace('"kept"', '"__proto__"'),
      ),
    );
    const schemas = document.components.schemas;
    expect(Object.keys(schemas)).toEqual(['Custom_Object__c', 'hasOwnProperty_2']);
    const custom = schemas['Custom_Object__c'] as Obj;
    expect(Object.keys(custom.properties)).toEqual(['constructor', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(custom.properties, '__proto__')?.value).toEqual({});
    const get = document.paths['/hubs/crm/a']!.get as Obj;
    expect(get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Custom_Object__c',
    });
    expect(get.responses['201'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/hasOwnProperty_2',
    });
    expect(Object.keys(get.responses['200'].headers)).toEqual(['X-Kept']);
    expect(warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        'definition "hasOwnProperty" is renamed hasOwnProperty_2 (openapi-typescript cannot take it as a schema name)',
        'definitions.Custom Object__c has a property named "hasOwnProperty", which openapi-typescript cannot take; left out',
        'definitions.Custom Object__c.__proto__ has type "constructor", which is no JSON type; typed as unknown',
      ]),
    );
    expect(warnings.some((w) => w.kind === 'undefined-ref')).toBe(false);
    const text = astToString(
      await openapiTS(structuredClone(document) as never, { silent: true, emptyObjectsUnknown: true }),
    );
    expect(text).toContain('constructor?: boolean;');
    expect(text).toContain('__proto__?: unknown;');
    expect(text).toContain('"X-Kept"?: string;');
  });

  test('a definition named __proto__ is kept, and so are refs to it', () => {
    const { document, warnings } = convertSwagger(
      JSON.parse(
        '{"swagger":"2.0","paths":{"/a":{"get":{"responses":{"200":{"description":"OK","schema":{"$ref":"#/definitions/__proto__"}}}}}},' +
          '"definitions":{"__proto__":{"type":"object","properties":{"x":{"type":"string"}}}}}',
      ),
    );
    expect(Object.keys(document.components.schemas)).toEqual(['__proto__']);
    expect(Object.getOwnPropertyDescriptor(document.components.schemas, '__proto__')?.value).toEqual({
      type: 'object',
      properties: { x: { type: 'string' } },
    });
    expect(warnings).toEqual([]);
  });

  test('junk where objects belong is dropped with a warning, and an operation without responses gets a default', () => {
    const { document, warnings } = convertSwagger(
      base({
        paths: {
          contacts: { get: { responses: {} }, post: 'nonsense', parameters: 'nope' },
          '/broken': 12,
        },
        definitions: { A: { properties: 'x', required: 'y', items: [{ type: 'string' }] } },
      }),
    );
    expect(Object.keys(document.paths)).toEqual(['/hubs/crm/contacts']);
    expect((document.paths['/hubs/crm/contacts']!.get as Obj).responses).toEqual({
      default: { description: 'Default response' },
    });
    expect(warnings.length).toBeGreaterThanOrEqual(6);
  });

  test('what is no Swagger 2.0 document at all is a SwaggerDocumentError', () => {
    expect(() => convertSwagger('<html>')).toThrow(SwaggerDocumentError);
    expect(() => convertSwagger([])).toThrow(/an array/);
    expect(() => convertSwagger({ openapi: '3.1.0', paths: {} })).toThrow(/OpenAPI 3.1.0/);
    expect(() => convertSwagger({ message: 'Not found' })).toThrow(/keys: message/);
  });

  test('openapi-typescript accepts the repaired document and types it as expected', async () => {
    const { document } = convertSwagger(
      base({
        paths: {
          '/Invoice__c': {
            get: {
              operationId: 'getByObjectName_Invoice__c',
              responses: {
                200: {
                  description: 'OK',
                  schema: { type: 'array', items: { $ref: '#/definitions/Invoice__c' } },
                },
              },
            },
          },
          '/Invoice__c/{id}': { get: { operationId: 'getByObjectName_Invoice__c', responses: {} } },
        },
        definitions: {
          Invoice__c: {
            properties: {
              Amount__c: { format: 'double' },
              attributes: { $ref: '#/definitions/SObjectAttributes' },
            },
          },
        },
      }),
    );
    const text = astToString(await openapiTS(document as never, { silent: true, emptyObjectsUnknown: true }));
    expect(text).toContain('"/hubs/crm/Invoice__c/{id}"');
    expect(text).toContain('Amount__c?: number;');
    expect(text).toContain('attributes?: unknown;');
    expect(text).toContain('getByObjectName_Invoice__c_2: {');
  });

  test('any JSON in any part of a Swagger 2.0 document is repaired or dropped, never thrown', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const operation = fc.record(
      {
        operationId: fc.oneof(fc.constant('getContacts'), json),
        parameters: fc.oneof(fc.array(json, { maxLength: 3 }), json),
        responses: fc.oneof(fc.dictionary(fc.constantFrom('200', '404', 'default', 'x'), json), json),
        consumes: json,
        produces: json,
      },
      { requiredKeys: [] },
    );
    const document = fc.record(
      {
        basePath: json,
        host: json,
        paths: fc.oneof(
          fc.dictionary(
            fc.constantFrom('/a', '/a/{id}', 'b', '/{x}/c'),
            fc.oneof(
              fc.record({ get: operation, post: operation, parameters: json }, { requiredKeys: [] }),
              json,
            ),
          ),
          json,
        ),
        definitions: fc.oneof(fc.dictionary(fc.string({ maxLength: 6 }), json), json),
        parameters: json,
        responses: json,
        info: json,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(document, (extra) => {
        const { document: out, warnings } = convertSwagger({ swagger: '2.0', ...extra });
        expect(out.openapi).toBe('3.0.3');
        expect(Array.isArray(warnings)).toBe(true);
        JSON.stringify(out);
      }),
      { numRuns: 2000 },
    );
  });

  test('quirks that openapi-typescript cannot take are repaired first (found by fuzzing)', async () => {
    const { document, warnings } = convertSwagger(
      base({
        definitions: {
          Loop: { $ref: '#/definitions/Loop' },
          Ping: { $ref: '#/definitions/Pong' },
          Pong: { $ref: '#/definitions/Ping' },
          Odd: {
            type: 'object',
            properties: {
              'Discount %': { type: 'number' },
              status: { type: 'string', enum: ['a', 1, [], null] },
              shape: { additionalProperties: {}, enum: ['x'] },
            },
          },
        },
      }),
    );
    expect(document.components.schemas.Loop).toEqual({});
    expect(document.components.schemas.Ping).toEqual({});
    const odd = document.components.schemas.Odd!.properties as Obj;
    expect(Object.keys(odd)).toEqual(['status', 'shape']);
    expect(odd.status.enum).toEqual(['a', null]);
    expect(odd.shape.enum).toBeUndefined();
    expect(warnings.map((w) => w.message)).toContain(
      'definitions.Odd has a property named "Discount %", which no type can name; left out',
    );
    await openapiTS(document as never, { silent: true, emptyObjectsUnknown: true });
  });

  test('a parameter named with a stray "%" keeps plain types but not nested properties (found by fuzzing)', async () => {
    const nested = { type: 'array', items: { type: 'object', properties: { a: { type: 'string' } } } };
    const { document, warnings } = convertSwagger(
      base({
        paths: {
          '/a': {
            get: {
              parameters: [
                { name: '% off', in: 'query', type: 'string' },
                { name: 'rate %', in: 'header', ...nested },
              ],
              responses: { 200: { description: 'ok' } },
            },
          },
        },
      }),
    );
    const parameters = (document.paths['/hubs/crm/a']!.get as Obj).parameters as Obj[];
    expect(parameters.map((p) => [p.name, p.schema])).toEqual([
      ['% off', { type: 'string' }],
      ['rate %', { type: 'string' }],
    ]);
    expect(warnings.map((w) => w.message)).toContain(
      'GET /hubs/crm/a parameter rate % nests object properties under a name with a stray "%"; typed as text',
    );
    await openapiTS(document as never, { silent: true, emptyObjectsUnknown: true });
  });

  test('openapi-typescript takes whatever the converter makes of random documents', async () => {
    const json = fc.jsonValue({ maxDepth: 2 });
    const schema: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      s: fc.oneof(
        { depthSize: 'small' },
        json,
        fc.record(
          {
            type: fc.oneof(fc.constantFrom('object', 'array', 'string', 'integer', 'file', 'date'), json),
            properties: fc.dictionary(fc.string({ maxLength: 4 }), tie('s')),
            items: tie('s'),
            $ref: fc.constantFrom('#/definitions/A', '#/definitions/B', 'x.json'),
            enum: json,
            required: json,
            additionalProperties: fc.oneof(fc.boolean(), tie('s')),
            'x-nullable': fc.boolean(),
            allOf: fc.array(tie('s'), { maxLength: 2 }),
          },
          { requiredKeys: [] },
        ),
      ),
    })).s;
    const parameter = fc.record(
      {
        name: fc.string({ maxLength: 3 }),
        in: fc.constantFrom('query', 'path', 'header', 'body', 'formData', 'x'),
        type: fc.oneof(json, fc.constantFrom('string', 'array', 'file')),
        schema,
        items: schema,
        required: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    const operation = fc.record(
      {
        operationId: fc.constantFrom('a', 'b'),
        parameters: fc.array(fc.oneof(json, parameter), { maxLength: 3 }),
        responses: fc.dictionary(
          fc.constantFrom('200', '404', 'default'),
          fc.oneof(json, fc.record({ schema })),
        ),
      },
      { requiredKeys: [] },
    );
    const document = fc.record(
      {
        paths: fc.dictionary(
          fc.constantFrom('/a', '/a/{id}', '/{x}/c', '/a/{id}/{id}'),
          fc.record({ get: operation, post: operation }, { requiredKeys: [] }),
        ),
        definitions: fc.dictionary(fc.constantFrom('A', 'B', 'C d'), schema),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(document, async (extra) => {
        const { document: out } = convertSwagger(base(extra));
        astToString(
          await openapiTS(structuredClone(out) as never, { silent: true, emptyObjectsUnknown: true }),
        );
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
