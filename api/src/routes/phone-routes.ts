import { createRoute } from '@hono/zod-openapi';
import { phonePreviewSchema } from '../../../contracts/index.ts';
import { previewNumber } from '../phone/preview-number.ts';
import { BEARER, createRouter } from './openapi-app.ts';

const preview = createRoute({
  method: 'post',
  path: '/api/phone/preview',
  summary: 'How a stored number reads and shows with a dialling profile (the wizard\'s live preview)',
  security: BEARER,
  request: { body: { content: { 'application/json': { schema: phonePreviewSchema } }, required: true } },
  responses: { 200: { description: 'E.164, main number, extension and display forms, or why it cannot be read' } },
});

export function phoneRoutes() {
  return createRouter().openapi(preview, (c) => {
    const { number, dialling } = c.req.valid('json');
    return c.json(previewNumber(number, dialling), 200);
  });
}
