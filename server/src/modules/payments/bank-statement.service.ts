import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import { IGNORE_CHANGES, type ChangeListener } from "../../common/change-listener";
import { badInput, type FieldErrors } from "../../common/errors";
import { addDays, localDateOf } from "../../common/local-date";
import { ReadService, type ResourceSpec } from "../../common/read.service";
import type { Database } from "../../database/database";
import { isUniqueViolation } from "../../database/errors";
import { fromSqlDateTime, jakartaDayBounds, placeholders, toInteger } from "../../database/sql-values";
import type { Actor } from "../auth/actor";
import type { AuditService } from "../audit/audit.service";
import { requireUser } from "../receipts/daily-report.service";
import { BankStatement } from "./bank-statement.entity";
import { BankStatementStatus, StatementMatchStatus } from "./payment.enums";
import { readStatement, type ColumnMapping, type ParsedLine } from "./statement-csv";
import { StatementLine } from "./statement-line.entity";

export interface StatementLimits {
  maxLines: number;
  mapping: ColumnMapping;
}

const LINES_PER_CHUNK = 1000;
const ROWS_PER_INSERT = 200;
const ERRORS_LISTED = 50;
const ACCOUNT_NO = /^[0-9][0-9.\- ]{4,33}$/;

interface Candidate {
  id: number;
  refs: string[];
  amount: number;
  day: string;
}

export interface ReconciliationSide {
  matchedCount: number;
  matchedAmount: number;
  unmatchedCount: number;
  unmatchedAmount: number;
}

/**
 * Rekening koran import: the whole file is checked before anything is written, then stored in
 * chunks (each reconciled as it lands, progress visible) so a 100 000-line file needs little memory.
 */
export class BankStatementService extends ReadService<BankStatement> {
  protected readonly spec: ResourceSpec<BankStatement> = {
    name: "BankStatement",
    entity: BankStatement,
    searchFields: ["fileName", "accountNo", "fileDigest"],
    filterFields: ["accountNo", "status", "fileDigest", "importedAt", "firstValueDate", "lastValueDate"],
    sortFields: { importedAt: "importedAt", fileName: "fileName", firstValueDate: "firstValueDate", lastValueDate: "lastValueDate", status: "status" },
  };

  /** Digests this process is importing, so a re-import while it runs does not start a second writer. */
  private readonly running = new Set<string>();

  constructor(
    db: Database,
    maxPageSize: number,
    private readonly audit: AuditService,
    private readonly limits: StatementLimits,
    private readonly changes: ChangeListener = IGNORE_CHANGES,
  ) {
    super(db, maxPageSize);
  }

  /** The configured headers; an import may override some of them. */
  get mapping(): ColumnMapping {
    return this.limits.mapping;
  }

  async import(actor: Actor, accountNo: string, fileName: string, csv: string, mapping = this.limits.mapping, now = new Date()): Promise<BankStatement> {
    const user = requireUser(actor);
    const errors: FieldErrors = {};
    const account = accountNo.trim();
    if (!ACCOUNT_NO.test(account)) errors.accountNo = "must be the account number: 5-34 digits, dots, dashes or spaces";
    const name = fileName.trim();
    if (name.length < 1 || name.length > 200) errors.fileName = "must be 1-200 characters";
    if (csv.trim() === "") errors.csv = "is empty";
    if (Object.keys(errors).length) throw badInput(errors);

    const fileDigest = createHash("sha256").update(csv).digest("hex");
    const existing = await this.db.manager.findOneBy(BankStatement, { fileDigest });
    if (existing && (existing.status === BankStatementStatus.COMPLETED || this.running.has(fileDigest))) return existing;

    const totals = await this.validate(csv, mapping);
    let statement = existing;
    if (!statement) {
      try {
        statement = await this.db.transaction(async (em) => {
          const created = await em.save(BankStatement, em.create(BankStatement, {
            accountNo: account, fileName: name, fileDigest, status: BankStatementStatus.IMPORTING, lineCount: totals.lines,
            linesImported: 0, creditTotal: totals.credit, debitTotal: totals.debit, firstValueDate: totals.first, lastValueDate: totals.last,
            matchedCount: 0, matchedAmount: 0, unmatchedCount: 0, unmatchedAmount: 0, importedById: user.id, importedAt: now, completedAt: null,
          }));
          await this.audit.record(em, actor, "IMPORT", "BankStatement", created.id, null, created);
          return created;
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return this.db.manager.findOneByOrFail(BankStatement, { fileDigest });
      }
    }
    this.running.add(fileDigest);
    try {
      await this.storeLines(statement, csv, mapping);
      await this.db.transaction(async (em) => {
        await this.refreshCounts(em, statement.id);
        await em.update(BankStatement, statement.id, { status: BankStatementStatus.COMPLETED, completedAt: new Date() });
      });
    } catch (error) {
      await this.discard(statement.id).catch(() => undefined);
      throw error;
    } finally {
      this.running.delete(fileDigest);
    }
    if (statement.firstValueDate) this.changes.changed(null, statement.firstValueDate);
    return this.db.manager.findOneByOrFail(BankStatement, { id: statement.id });
  }

  /** Reads the whole file once: every bad line is reported (with its number) and nothing is stored. */
  private async validate(csv: string, mapping: ColumnMapping) {
    const problems: FieldErrors = {};
    let bad = 0;
    const totals = { lines: 0, credit: 0, debit: 0, first: null as string | null, last: null as string | null };
    for await (const result of readStatement(csv, mapping)) {
      if (!result.ok) {
        if (bad++ < ERRORS_LISTED) problems[`csv.line.${result.lineNo}`] = result.reason;
        continue;
      }
      const { line } = result;
      totals.lines++;
      totals.credit += line.credit;
      totals.debit += line.debit;
      if (totals.first === null || line.valueDate < totals.first) totals.first = line.valueDate;
      if (totals.last === null || line.valueDate > totals.last) totals.last = line.valueDate;
    }
    if (bad > 0) {
      const listed = Object.entries(problems).slice(0, 3).map(([field, reason]) => `${field.replace("csv.line.", "line ")}: ${reason}`);
      throw badInput(problems, `The statement was not imported: ${bad} line(s) cannot be read (${listed.join("; ")}${bad > 3 ? "; ..." : ""})`);
    }
    if (totals.lines === 0) throw badInput({ csv: "has a header but no transaction lines" });
    if (totals.lines > this.limits.maxLines) throw badInput({ csv: `has ${totals.lines} lines; split it into files of at most ${this.limits.maxLines}` });
    return totals;
  }

  private async storeLines(statement: BankStatement, csv: string, mapping: ColumnMapping): Promise<void> {
    const already = statement.linesImported;
    let seen = 0;
    let chunk: ParsedLine[] = [];
    const flush = async () => {
      const lines = chunk;
      chunk = [];
      await this.db.transaction(async (em) => {
        const matches = await this.match(em, lines.filter((l) => l.credit > 0));
        await this.insertLines(em, statement.id, lines, matches);
        await em.query("UPDATE bank_statement SET lines_imported = lines_imported + ? WHERE id = ?", [lines.length, statement.id]);
      });
    };
    for await (const result of readStatement(csv, mapping)) {
      if (!result.ok) throw new Error(`Statement ${statement.id} changed between validation and storage at line ${result.lineNo}`);
      if (seen++ < already) continue;
      chunk.push(result.line);
      if (chunk.length === LINES_PER_CHUNK) await flush();
    }
    if (chunk.length) await flush();
  }

  private async insertLines(em: EntityManager, statementId: number, lines: ParsedLine[], matches: Map<ParsedLine, { paymentId?: number; depositId?: number }>) {
    for (let i = 0; i < lines.length; i += ROWS_PER_INSERT) {
      const rows = lines.slice(i, i + ROWS_PER_INSERT);
      await em.query(
        `INSERT INTO statement_line (statement_id, line_no, value_date, description, reference, credit, debit, balance, match_status, payment_id, deposit_id)
         VALUES ${rows.map(() => "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
        rows.flatMap((l) => {
          const m = matches.get(l);
          const status = l.credit === 0 ? StatementMatchStatus.NOT_APPLICABLE : m ? StatementMatchStatus.MATCHED : StatementMatchStatus.UNMATCHED;
          return [statementId, l.lineNo, l.valueDate, l.description, l.reference, l.credit, l.debit, l.balance, status, m?.paymentId ?? null, m?.depositId ?? null];
        }),
      );
    }
  }

  /**
   * Credit lines against payments (by channel reference) and verified deposits (by NTB or STS
   * number) not yet matched to any line: same reference, same amount, value date within a day.
   */
  private async match<L extends { reference: string | null; credit: number; valueDate: string }>(em: EntityManager, lines: L[]) {
    const matches = new Map<L, { paymentId?: number; depositId?: number }>();
    const refs = [...new Set(lines.map((l) => l.reference).filter((r): r is string => r !== null))];
    if (refs.length === 0) return matches;
    const list = placeholders(refs.length);
    const payments: Array<Record<string, unknown>> = await em.query(
      `SELECT p.id, p.external_ref, p.amount, p.paid_at FROM payment p
       WHERE p.external_ref IN (${list}) AND p.reversed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM statement_line s WHERE s.payment_id = p.id)`,
      refs,
    );
    const deposits: Array<Record<string, unknown>> = await em.query(
      `SELECT d.id, d.bank_reference, d.sts_number, d.amount, d.deposited_at FROM deposit d
       WHERE d.status = 'VERIFIED' AND (d.bank_reference IN (${list}) OR d.sts_number IN (${list}))
         AND NOT EXISTS (SELECT 1 FROM statement_line s WHERE s.deposit_id = d.id)`,
      [...refs, ...refs],
    );
    const toCandidate = (id: unknown, refsOf: unknown[], amount: unknown, at: unknown): Candidate => ({
      id: Number(id), refs: refsOf.filter((r) => r !== null).map(String), amount: toInteger(amount), day: localDateOf(fromSqlDateTime(at)),
    });
    const paymentPool = payments.map((p) => toCandidate(p.id, [p.external_ref], p.amount, p.paid_at));
    const depositPool = deposits.map((d) => toCandidate(d.id, [d.bank_reference, d.sts_number], d.amount, d.deposited_at));
    const used = new Set<Candidate>();
    const find = (pool: Candidate[], line: L) => pool.find((c) => !used.has(c) && c.amount === line.credit && c.refs.includes(line.reference!)
      && c.day >= addDays(line.valueDate, -1) && c.day <= addDays(line.valueDate, 1));
    for (const line of lines) {
      if (line.reference === null) continue;
      const payment = find(paymentPool, line);
      if (payment) {
        used.add(payment);
        matches.set(line, { paymentId: payment.id });
        continue;
      }
      const deposit = find(depositPool, line);
      if (deposit) {
        used.add(deposit);
        matches.set(line, { depositId: deposit.id });
      }
    }
    return matches;
  }

  private async refreshCounts(em: EntityManager, statementId: number): Promise<void> {
    const [row]: Array<Record<string, unknown>> = await em.query(
      `SELECT SUM(CASE WHEN match_status = 'MATCHED' THEN 1 ELSE 0 END) AS matched_count,
              SUM(CASE WHEN match_status = 'MATCHED' THEN credit ELSE 0 END) AS matched_amount,
              SUM(CASE WHEN match_status = 'UNMATCHED' THEN 1 ELSE 0 END) AS unmatched_count,
              SUM(CASE WHEN match_status = 'UNMATCHED' THEN credit ELSE 0 END) AS unmatched_amount
       FROM statement_line WHERE statement_id = ?`,
      [statementId],
    );
    await em.update(BankStatement, statementId, {
      matchedCount: toInteger(row.matched_count), matchedAmount: toInteger(row.matched_amount),
      unmatchedCount: toInteger(row.unmatched_count), unmatchedAmount: toInteger(row.unmatched_amount),
    });
  }

  /** Takes a half-stored statement out again, so a failed import leaves nothing behind. */
  private async discard(statementId: number): Promise<void> {
    await this.db.transaction(async (em) => {
      await em.query("DELETE FROM statement_line WHERE statement_id = ?", [statementId]);
      await em.query("DELETE FROM bank_statement WHERE id = ?", [statementId]);
    });
  }

  /** Tries the statement's unmatched credit lines again, e.g. after late payment notifications arrived. */
  async reconcile(actor: Actor, rawId: string): Promise<BankStatement> {
    requireUser(actor);
    const statement = await this.getById(actor, rawId);
    if (statement.status !== BankStatementStatus.COMPLETED) throw badInput({ id: "is still being imported" });
    let afterId = 0;
    for (;;) {
      const lines = await this.db.manager
        .getRepository(StatementLine)
        .createQueryBuilder("l")
        .where("l.statementId = :id AND l.matchStatus = :status AND l.id > :afterId", { id: statement.id, status: StatementMatchStatus.UNMATCHED, afterId })
        .orderBy("l.id")
        .limit(LINES_PER_CHUNK)
        .getMany();
      if (lines.length === 0) break;
      afterId = lines[lines.length - 1].id;
      await this.db.transaction(async (em) => {
        for (const [line, m] of await this.match(em, lines)) {
          await em.update(StatementLine, line.id, { matchStatus: StatementMatchStatus.MATCHED, paymentId: m.paymentId ?? null, depositId: m.depositId ?? null });
        }
      });
    }
    const reconciled = await this.db.transaction(async (em) => {
      await this.refreshCounts(em, statement.id);
      const after = await em.findOneByOrFail(BankStatement, { id: statement.id });
      await this.audit.record(em, actor, "RECONCILE", "BankStatement", statement.id, statement, after);
      return after;
    });
    if (reconciled.firstValueDate) this.changes.changed(null, reconciled.firstValueDate);
    return reconciled;
  }

  /** Both sides of reconciliation for value dates / payment days / deposit days in [from, to]. */
  async reconciliationReport(from: string, to: string) {
    if (to < from) throw badInput({ to: "must not be before from" });
    const [start, end] = jakartaDayBounds(from, to);
    const side = (row: Record<string, unknown>): ReconciliationSide => ({
      matchedCount: toInteger(row.matched_count), matchedAmount: toInteger(row.matched_amount),
      unmatchedCount: toInteger(row.unmatched_count), unmatchedAmount: toInteger(row.unmatched_amount),
    });
    const sums = (matched: string, amount: string) => `
      SUM(CASE WHEN ${matched} THEN 1 ELSE 0 END) AS matched_count, SUM(CASE WHEN ${matched} THEN ${amount} ELSE 0 END) AS matched_amount,
      SUM(CASE WHEN ${matched} THEN 0 ELSE 1 END) AS unmatched_count, SUM(CASE WHEN ${matched} THEN 0 ELSE ${amount} END) AS unmatched_amount`;
    const em = this.db.manager;
    const [lines]: Array<Record<string, unknown>> = await em.query(
      `SELECT ${sums("l.match_status = 'MATCHED'", "l.credit")} FROM statement_line l
       WHERE l.credit > 0 AND l.value_date BETWEEN ? AND ?`,
      [from, to],
    );
    const [payments]: Array<Record<string, unknown>> = await em.query(
      `SELECT ${sums("EXISTS (SELECT 1 FROM statement_line s WHERE s.payment_id = p.id)", "p.amount")} FROM payment p
       WHERE p.reversed_at IS NULL AND p.paid_at >= ? AND p.paid_at < ?`,
      [start, end],
    );
    const [deposits]: Array<Record<string, unknown>> = await em.query(
      `SELECT ${sums("EXISTS (SELECT 1 FROM statement_line s WHERE s.deposit_id = d.id)", "d.amount")} FROM deposit d
       WHERE d.status = 'VERIFIED' AND d.deposited_at >= ? AND d.deposited_at < ?`,
      [start, end],
    );
    return { from, to, statementLines: side(lines), payments: side(payments), deposits: side(deposits) };
  }
}
