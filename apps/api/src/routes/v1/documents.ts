import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../context";
import { sendDocument } from "../../documents";
import { validationHook } from "../../validation";
import { errorResponses } from "./common.schemas";

export const documentsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const DocumentId = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "doc_01j…" }),
});

documentsRoutes.openapi(
  createRoute({
    method: "get",
    path: "/documents/{id}",
    tags: ["Orders"],
    summary: "Download a document of an order (commercial invoice, packing list, CN22/CN23, customer invoice, label)",
    description:
      "The file as stored when the pipeline generated it: PDF (or ZPL for thermal labels). `?download=1` asks the browser to save it. The ids come from `documents[].url` of `GET /v1/orders/{id}`.",
    request: { params: DocumentId },
    responses: {
      200: {
        description: "The document",
        content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
      },
      ...errorResponses,
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    return sendDocument(c, id, (fn) => c.var.tenant.run(fn)) as never;
  },
);
