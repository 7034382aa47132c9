import { createHmac, timingSafeEqual } from "node:crypto";
import express, { type Request, type Response } from "express";
import { AppError } from "../common/errors";
import type { AppConfig } from "../config";
import type { Actor } from "../modules/auth/actor";
import { PaymentChannel, PaymentSource } from "../modules/payments/payment.enums";
import type { Services } from "../services";

const MAX_BODY = "64kb";

function channelOf(param: string): PaymentChannel | null {
  const name = param.toUpperCase().replace(/-/g, "_");
  return (Object.values(PaymentChannel) as string[]).includes(name) ? (name as PaymentChannel) : null;
}

/** Unix seconds, Unix milliseconds or an ISO 8601 instant. */
function timestampOf(header: string | undefined): number | null {
  if (!header) return null;
  if (/^\d{10}$/.test(header)) return Number(header) * 1000;
  if (/^\d{13}$/.test(header)) return Number(header);
  const parsed = Date.parse(header);
  return /^\d{4}-\d{2}-\d{2}T/.test(header) && !Number.isNaN(parsed) ? parsed : null;
}

function signatureMatches(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header || !/^[0-9a-fA-F]{64}$/.test(header)) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  return timingSafeEqual(expected, Buffer.from(header, "hex"));
}

/**
 * `POST /webhooks/payments/:channel`: a channel's payment notification, signed with its secret as
 * `X-Signature: hex(HMAC-SHA256(secret, rawBody))` and dated by `X-Timestamp`. Answers 201 for a new
 * payment, 200 for a replay, 400 for a body that is not a payment, 401 for a bad signature or time,
 * 409 for a reference already used with another amount or code.
 */
export function paymentWebhookRouter(config: AppConfig, services: Services): express.Router {
  const router = express.Router();
  router.post("/webhooks/payments/:channel", express.raw({ type: () => true, limit: MAX_BODY }), async (req: Request, res: Response, next) => {
    const channel = channelOf(String(req.params.channel));
    const secret = channel ? config.webhookSecrets[channel] : undefined;
    if (!channel || !secret) {
      res.status(404).json({ error: "No payment webhook for this channel" });
      return;
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!signatureMatches(secret, body, req.get("x-signature"))) {
      res.status(401).json({ error: "X-Signature is missing or does not match the body" });
      return;
    }
    const timestamp = timestampOf(req.get("x-timestamp"));
    if (timestamp === null || Math.abs(Date.now() - timestamp) > config.webhookMaxSkewSeconds * 1000) {
      res.status(401).json({ error: `X-Timestamp is missing or more than ${config.webhookMaxSkewSeconds} seconds from the server's clock` });
      return;
    }
    let notice: unknown;
    try {
      notice = JSON.parse(body.toString("utf8"));
    } catch {
      res.status(400).json({ error: "The body is not JSON" });
      return;
    }
    if (typeof notice !== "object" || notice === null || Array.isArray(notice)) {
      res.status(400).json({ error: "The body must be a JSON object" });
      return;
    }
    const fields = notice as Record<string, unknown>;
    const actor: Actor = { user: null, requestId: String(req.id), ip: req.ip ?? "unknown", marketScope: async () => null };
    try {
      const { payment, replayed } = await services.payments.record(
        actor,
        { ...fields, channel, rawNotification: fields } as Parameters<Services["payments"]["record"]>[1],
        PaymentSource.WEBHOOK,
      );
      res.status(replayed ? 200 : 201).json({ id: String(payment.id), matchStatus: payment.matchStatus, billId: payment.billId === null ? null : String(payment.billId), replayed });
    } catch (error) {
      if (error instanceof AppError && error.extensions.code === "BAD_USER_INPUT") {
        res.status(400).json({ error: error.message, fields: error.extensions.fields });
      } else if (error instanceof AppError && error.extensions.code === "CONFLICT") {
        res.status(409).json({ error: error.message });
      } else next(error);
    }
  });
  return router;
}
