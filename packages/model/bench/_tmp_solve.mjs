var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};

// packages/model/src/domain/issue.ts
var IssueCollector;
var init_issue = __esm({
  "packages/model/src/domain/issue.ts"() {
    "use strict";
    IssueCollector = class {
      /**
       * @param file file name added to every issue
       * @param locate where a path sits in the source text, added as line and column
       */
      constructor(file, locate) {
        this.file = file;
        this.locate = locate;
      }
      file;
      locate;
      issues = [];
      /** Record one issue (an error unless `severity` says warning). */
      add(code, path, message, severity) {
        const position2 = this.locate?.(path);
        this.issues.push({
          code,
          path,
          message,
          ...severity === "warning" ? { severity } : {},
          ...position2 ? { line: position2.line, column: position2.column } : {},
          ...this.file ? { file: this.file } : {}
        });
      }
      /** Remove the first issue with this code at this path (when a more precise one replaces it). */
      drop(code, path) {
        const i = this.issues.findIndex((x) => x.code === code && x.path === path);
        if (i >= 0) this.issues.splice(i, 1);
      }
      /** The number of issues that are errors. */
      get errorCount() {
        return this.issues.filter((issue) => issue.severity !== "warning").length;
      }
      /** The value with the warnings found, or every issue when there is an error or no value. */
      result(value) {
        if (this.errorCount > 0 || value === void 0) return { ok: false, issues: this.issues };
        const warnings = this.issues.filter((i) => i.severity === "warning");
        return { ok: true, value, ...warnings.length ? { warnings } : {} };
      }
    };
  }
});

// packages/model/src/scenario/formula.ts
function setFormulaParser(parse2) {
  parseExpression = parse2;
}
function parse(expression) {
  if (!parseExpression)
    throw new Error('[model] formula keys need the formula parser: import "@sp71/model" or await loadFormulaParser()');
  return parseExpression(expression);
}
function checkFormula(expression) {
  if (expression.length > MAX_LENGTH)
    return {
      ok: false,
      issues: [{ code: "formula_too_long", path: "", message: `a formula may be at most ${MAX_LENGTH} characters` }]
    };
  let node;
  try {
    node = parse(expression);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issues: [{ code: "formula_syntax", path: "", message: `the formula cannot be read: ${message}` }]
    };
  }
  const found = {
    out: new IssueCollector(),
    symbols: /* @__PURE__ */ new Set(),
    hasConstants: false
  };
  walk(node, found);
  if (found.out.issues.length > 0) return { ok: false, issues: found.out.issues };
  return { ok: true, value: { symbols: [...found.symbols].sort(), hasConstants: found.hasConstants, node } };
}
function notAllowed(found, message) {
  found.out.add("formula_not_allowed", "", message);
}
function walk(n, found) {
  const any = n;
  switch (n.type) {
    case "ConstantNode":
      if (typeof any.value !== "number" || !Number.isFinite(any.value)) {
        notAllowed(found, `only numbers are allowed as constants, not ${JSON.stringify(any.value)}`);
      } else found.hasConstants = true;
      return;
    case "SymbolNode":
      found.symbols.add(String(any.name));
      return;
    case "ParenthesisNode":
      walk(any.content, found);
      return;
    case "OperatorNode":
      if (!OPERATORS.has(String(any.fn))) {
        notAllowed(found, `the operator "${String(any.op)}" is not allowed (use + - * / ^ and parentheses)`);
        return;
      }
      for (const arg of any.args) walk(arg, found);
      return;
    case "FunctionNode": {
      const fn = any.fn;
      const name = fn.type === "SymbolNode" ? String(fn.name) : "";
      if (!FORMULA_FUNCTIONS.includes(name)) {
        notAllowed(
          found,
          `the function "${name || "expression"}" is not allowed (allowed: ${FORMULA_FUNCTIONS.join(", ")})`
        );
        return;
      }
      const args = any.args;
      const arity = name === "min" || name === "max" ? args.length >= 1 : args.length === 1;
      if (!arity)
        notAllowed(
          found,
          `${name} takes ${name === "min" || name === "max" ? "one or more arguments" : "one argument"}`
        );
      for (const arg of args) walk(arg, found);
      return;
    }
    default:
      notAllowed(found, `"${n.toString()}" is not allowed in a formula (${n.type}): only arithmetic over driver names`);
  }
}
var parseExpression, FORMULA_FUNCTIONS, OPERATORS, MAX_LENGTH;
var init_formula = __esm({
  "packages/model/src/scenario/formula.ts"() {
    "use strict";
    init_issue();
    FORMULA_FUNCTIONS = ["min", "max", "sqrt", "abs", "round", "floor", "ceil", "log", "exp"];
    OPERATORS = /* @__PURE__ */ new Set(["add", "subtract", "multiply", "divide", "pow", "unaryMinus", "unaryPlus"]);
    MAX_LENGTH = 500;
  }
});

// packages/model/src/scenario/formula-parser.ts
import { create, parseDependencies } from "mathjs";
var math;
var init_formula_parser = __esm({
  "packages/model/src/scenario/formula-parser.ts"() {
    "use strict";
    init_formula();
    math = create({ parseDependencies }, {});
    setFormulaParser((expression) => math.parse(expression));
  }
});

// packages/model/bench/_tmp_solve.ts
import { readFileSync } from "node:fs";
import { join as join2 } from "node:path";

// packages/model/src/money/decimal.ts
import { Decimal as DecimalJs } from "decimal.js";
var Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -60,
  toExpPos: 60
});
var DECIMAL_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
function isDecimalString(text) {
  return DECIMAL_PATTERN.test(text.trim());
}
function toDecimal(value) {
  if (value instanceof Decimal) return value;
  if (typeof value === "bigint") return new Decimal(value.toString());
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value))
      throw new TypeError(`[model] invalid amount: ${value} is a float; pass a decimal string`);
    return new Decimal(value);
  }
  if (typeof value !== "string" || !isDecimalString(value))
    throw new TypeError(`[model] invalid decimal: ${String(value)}`);
  return new Decimal(value.trim());
}
function weightToDecimal(value) {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`[model] invalid weight: ${value}`);
    return new Decimal(String(value));
  }
  return toDecimal(value);
}
var ZERO = new Decimal(0);
var CENT = new Decimal("0.01");
function sum(values) {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
function roundToCents(value) {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);
}
function formatAmount(value) {
  const text = value.toFixed(2);
  return text === "-0.00" ? "0.00" : text;
}

// packages/model/src/money/allocate.ts
function entriesOf(weights) {
  const entries = weights instanceof Map ? [...weights.entries()] : Object.entries(weights).map(([id, w]) => [id, weightToDecimal(w)]);
  for (const [id, w] of entries) {
    if (w.isNegative() || !w.isFinite()) throw new RangeError(`[model] invalid weight for ${id}: ${w.toString()}`);
  }
  return entries;
}
function allocateByWeights(total, weights) {
  const entries = entriesOf(weights);
  const weightSum = sum(entries.map(([, w]) => w));
  if (weightSum.isZero()) throw new RangeError("[model] invalid weights: they sum to zero");
  const exact = new Map(entries.map(([id, w]) => [id, toDecimal(total).times(w).dividedBy(weightSum)]));
  return roundPreservingTotal(exact, roundToCents(toDecimal(total)));
}
function roundPreservingTotal(exact, target) {
  const wanted = target ?? roundToCents(sum(exact.values()));
  const sign = wanted.isNegative() ? -1 : 1;
  const truncated = /* @__PURE__ */ new Map();
  const remainders = [];
  for (const [id, amount] of exact) {
    const oriented = amount.times(sign);
    const floor = oriented.toDecimalPlaces(2, Decimal.ROUND_FLOOR);
    truncated.set(id, floor);
    const remainder = oriented.minus(floor);
    if (!oriented.isZero()) remainders.push({ id, remainder });
  }
  let leftoverCents = wanted.times(sign).minus(sum(truncated.values())).times(100).round().toNumber();
  remainders.sort((a, b) => b.remainder.comparedTo(a.remainder) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (leftoverCents > 0 && remainders.length === 0)
    throw new RangeError("[model] cannot place leftover cents: every part is zero");
  for (let i = 0; leftoverCents > 0; i = (i + 1) % remainders.length, leftoverCents--) {
    const { id } = remainders[i];
    truncated.set(id, truncated.get(id).plus("0.01"));
  }
  for (let i = remainders.length - 1; leftoverCents < 0; i = (i - 1 + remainders.length) % remainders.length, leftoverCents++) {
    const { id } = remainders[i];
    truncated.set(id, truncated.get(id).minus("0.01"));
  }
  const result = /* @__PURE__ */ new Map();
  for (const [id, amount] of truncated) result.set(id, sign < 0 ? amount.negated().plus(ZERO) : amount);
  return result;
}

// packages/model/src/domain/format.ts
var METHOD_IDS = ["direct", "step-down", "reciprocal"];
var KEY_TYPES = ["fixed", "driver", "even", "price-quantity", "base-plus-usage", "formula"];
var BASES = ["measured", "derived", "estimate"];
var FORBIDDEN_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
var ID_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;
var DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
var NOT_FORBIDDEN = new RegExp(`^(?!(${[...FORBIDDEN_KEYS].join("|")})$)`);
function isIsoDate(text) {
  if (typeof text !== "string") return false;
  if (!DATE_PATTERN.test(text)) return false;
  const [y, mo, d] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// packages/model/src/index.ts
init_issue();

// packages/model/src/domain/result.ts
var COMPONENTS = ["service", "governance", "vat", "transition", "markup", "contractManagement"];

// packages/model/src/scenario/parse.ts
import { LineCounter, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit } from "yaml";
var MAX_SCENARIO_LENGTH = 5 * 1024 * 1024;
var MAX_NESTING_DEPTH = 64;
var MAX_ALIAS_COUNT = 100;
var CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));
function flowDepth(text, limit) {
  let depth = 0;
  let max = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = "";
      continue;
    }
    if (ch === '"' || ch === "'" && /[\s[{,:]/.test(text[i - 1] ?? " ")) quote = ch;
    else if (ch === "#" && /\s/.test(text[i - 1] ?? " ")) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else if (ch === "[" || ch === "{") {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if ((ch === "]" || ch === "}") && depth > 0) depth--;
  }
  return max;
}
function dataDepth(value, limit) {
  let max = 0;
  const stack = [[value, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop();
    if (typeof v !== "object" || v === null) continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}
function position(text, offset) {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
function unsupportedNodes(doc, lineCounter, file) {
  const issues = [];
  const at = (range) => {
    if (!range) return {};
    const pos = lineCounter.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  };
  visit(doc, (_key, node) => {
    if (isPair(node) && isScalar(node.key) && node.key.value === "<<" && node.key.type === "PLAIN")
      issues.push({
        code: "yaml_merge_key",
        path: "",
        message: "YAML merge keys (<<) are not supported: write the fields out in full",
        ...at(node.key.range),
        ...file ? { file } : {}
      });
    if (isNode(node) && node.tag !== void 0 && !CORE_TAGS.has(node.tag))
      issues.push({
        code: "yaml_tag",
        path: "",
        message: `the YAML tag ${node.tag} is not supported: write plain values`,
        ...at(node.range),
        ...file ? { file } : {}
      });
  });
  return issues;
}
function parseScenarioText(text, file) {
  const fail = (code, message, offset) => ({
    ok: false,
    issues: [
      { code, path: "", message, ...offset !== void 0 ? position(text, offset) : {}, ...file ? { file } : {} }
    ]
  });
  if (text.length > MAX_SCENARIO_LENGTH)
    return fail(
      "too_large",
      `the file is larger than ${MAX_SCENARIO_LENGTH / 1024 / 1024} MB, the limit for a scenario or variant`
    );
  const nul = text.indexOf("\0");
  if (nul >= 0) return fail("invalid_encoding", "the file contains a NUL byte: it is not a text file", nul);
  const bad = text.indexOf("\uFFFD");
  if (bad >= 0)
    return fail(
      "invalid_encoding",
      "the file is not valid UTF-8 here (save it as UTF-8): names could otherwise become the same",
      bad
    );
  if (flowDepth(text, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH)
    return fail("too_deep", `the file nests lists or maps more than ${MAX_NESTING_DEPTH} levels deep`);
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, version: "1.2", lineCounter });
  } catch (error) {
    return fail("syntax_error", `the file cannot be read as YAML: ${firstLine(error.message)}`);
  }
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error) => {
      const pos = error.linePos?.[0];
      const code = error.code === "DUPLICATE_KEY" ? "duplicate_key" : "syntax_error";
      const message = code === "duplicate_key" ? "a key appears twice in the same map" : firstLine(error.message) || "invalid YAML";
      return {
        code,
        path: "",
        message,
        ...pos ? { line: pos.line, column: pos.col } : {},
        ...file ? { file } : {}
      };
    });
    return { ok: false, issues };
  }
  const unsupported = unsupportedNodes(doc, lineCounter, file);
  if (unsupported.length > 0) return { ok: false, issues: unsupported };
  let value;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error.message;
    if (/alias count/i.test(message))
      return fail("yaml_aliases", `the file expands its aliases (*name) more than ${MAX_ALIAS_COUNT} times`);
    if (/unresolved alias/i.test(message))
      return fail("yaml_alias", `an alias (*name) has no anchor (&name) before it: ${firstLine(message)}`);
    return fail("syntax_error", `the file cannot be read as YAML: ${firstLine(message)}`);
  }
  if (dataDepth(value, MAX_NESTING_DEPTH) > MAX_NESTING_DEPTH)
    return fail("too_deep", `the file nests lists or maps more than ${MAX_NESTING_DEPTH} levels deep`);
  if (value === null || value === void 0) {
    return {
      ok: false,
      issues: [{ code: "empty_file", path: "", message: "the file is empty", ...file ? { file } : {} }]
    };
  }
  return { ok: true, value };
}
function firstLine(message) {
  return (message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
}
function parsedForLookup(text) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, version: "1.2" });
  return { doc, lineCounter };
}
function locateIn({ doc, lineCounter }, path) {
  if (path === "") return void 0;
  let node = doc.contents;
  let range;
  for (const part of path.split(".")) {
    const m = /^([^[\]]+)?((?:\[[^\]]+\])*)$/.exec(part);
    if (!m) return void 0;
    const steps = [];
    if (m[1] !== void 0) steps.push({ key: m[1] });
    for (const sel of m[2].match(/\[[^\]]+\]/g) ?? []) {
      const inner = sel.slice(1, -1);
      if (inner.startsWith("id=")) steps.push({ id: inner.slice(3) });
      else if (/^\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else return void 0;
    }
    for (const step of steps) {
      if (step.key !== void 0) {
        if (!isMap(node)) return void 0;
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === step.key);
        if (!pair) return void 0;
        range = isScalar(pair.key) ? pair.key.range ?? void 0 : void 0;
        node = pair.value;
      } else {
        if (!isSeq(node)) return void 0;
        const item = step.index !== void 0 ? node.items[step.index] : node.items.find((x) => isMap(x) && String(x.get("id")) === step.id);
        if (!item) return void 0;
        range = item.range ?? void 0;
        node = item;
      }
    }
  }
  if (!range) return void 0;
  const pos = lineCounter.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}
function withPositions(issues, text, file) {
  let parsed;
  return issues.map((issue) => {
    if (issue.line !== void 0 || file !== void 0 && issue.file !== void 0 && issue.file !== file)
      return issue;
    if (issue.path === "") return issue;
    parsed ??= parsedForLookup(text);
    const pos = locateIn(parsed, issue.path);
    return pos ? { ...issue, line: pos.line, column: pos.column } : issue;
  });
}

// packages/model/src/scenario/resolve.ts
function yearDate(year) {
  return `${String(year).padStart(4, "0")}-01-01`;
}
function entryAt(series, date) {
  let found;
  for (const entry of series.entries) {
    if (entry.from <= date) found = entry;
    else break;
  }
  return found && found.value !== null ? found : void 0;
}
function leafInput(leaf, label2, from, path, asOf) {
  return {
    path,
    label: label2,
    from,
    value: leaf.value,
    provenance: leaf.provenance,
    asOf,
    ...leaf.unit ? { unit: leaf.unit } : {}
  };
}

// packages/model/src/legal-form/detail.ts
function emptyComponents() {
  return Object.fromEntries(COMPONENTS.map((c) => [c, ZERO]));
}
function fmt(d) {
  return d.toFixed(2);
}

// packages/model/src/legal-form/indexation.ts
var ONE = new Decimal(1);
function firstIndexedYear(from) {
  const year = Number(from.slice(0, 4));
  return from.endsWith("-01-01") ? year + 1 : year + 2;
}
function indexFactor(ctx, year, wageShare, inputs) {
  const { wage, price } = ctx.scenario.indexation;
  const w = wageShare.isZero() ? ZERO : wage ? ctx.env.number(wage, year, "wage index", inputs) : (ctx.env.issue("required", "indexation.wage", `a wage index is needed to index costs in ${year}`), ZERO);
  const p = wageShare.equals(ONE) ? ZERO : price ? ctx.env.number(price, year, "price index", inputs) : (ctx.env.issue("required", "indexation.price", `a price index is needed to index costs in ${year}`), ZERO);
  return ONE.plus(wageShare.times(w)).plus(ONE.minus(wageShare).times(p));
}
function indexedAmount(ctx, series, year, label2, wageShare) {
  const last = series.entries[series.entries.length - 1];
  if (!last || last.value === null || year < firstIndexedYear(last.from)) {
    const inputs2 = [];
    const value2 = ctx.env.number(series, year, label2, inputs2);
    return { value: roundToCents(value2), rule: `${label2}: value in force on ${yearDate(year)}`, inputs: inputs2 };
  }
  const previous = ctx.amount(series, year - 1, label2, wageShare);
  const inputs = [];
  const ws = wageShare(year, inputs);
  const factor = indexFactor(ctx, year, ws, inputs);
  const value = roundToCents(previous.value.times(factor));
  const baseInput = previous.inputs.find((i) => i.path === series.path.replace(/\.\d{4}-\d{2}-\d{2}$/, ""));
  return {
    value,
    rule: `${label2}: \u20AC ${fmt(previous.value)} (${year - 1}) \xD7 (1 + ${ws.toString()} \xD7 wage index + ${ONE.minus(ws).toString()} \xD7 price index) = \u20AC ${fmt(previous.value)} \xD7 ${factor.toString()}, indexed after the last dated value (${last.from})`,
    inputs: [...baseInput ? [baseInput] : [], ...inputs]
  };
}
function ratio(ctx, series, year, label2, fallback, inputs) {
  return series ? ctx.env.number(series, year, label2, inputs) : toDecimal(fallback);
}
function poolWageShare(ctx, pool) {
  return (year, inputs) => {
    if (!pool.wageShare) {
      ctx.env.issue(
        "required",
        `pools[id=${pool.id}].wageShare`,
        `pool ${pool.id} needs a wageShare to index its cost after the last dated value`
      );
      return ZERO;
    }
    return ctx.env.number(pool.wageShare, year, `wage share of ${pool.id}`, inputs);
  };
}
function wagesOnly(ctx) {
  return (year, inputs) => ratio(ctx, void 0, year, "", "1", inputs);
}
function costIndexSince(ctx, from, to) {
  let factor = ONE;
  const inputs = [];
  const parts = [];
  for (let y = from; y <= to; y++) {
    const costs = ctx.scenario.pools.map((pool) => ({
      pool,
      cost: ctx.amount(pool.cost, y, `cost of ${pool.name}`, poolWageShare(ctx, pool)).value
    }));
    const total = sum(costs.map((c) => c.cost));
    const ws = total.isZero() ? ZERO : sum(costs.map((c) => c.cost.times(poolWageShare(ctx, c.pool)(y, inputs)))).dividedBy(total);
    const f = indexFactor(ctx, y, ws, inputs);
    factor = factor.times(f);
    parts.push(`${y}: ${f.toDecimalPlaces(6).toString()}`);
  }
  return { factor, inputs, rule: `(${parts.join(", ")}; wage share weighted by pool cost)` };
}

// packages/model/src/legal-form/keys/weights.ts
init_formula();

// packages/model/src/legal-form/keys/formula.ts
function evaluateFormula(info, variables) {
  const evaluate = (n) => {
    const any = n;
    switch (n.type) {
      case "ConstantNode":
        return weightToDecimal(any.value);
      case "SymbolNode": {
        const v = variables[String(any.name)];
        if (v === void 0) throw new RangeError(`[model] formula variable ${String(any.name)} has no value`);
        return v;
      }
      case "ParenthesisNode":
        return evaluate(any.content);
      case "OperatorNode": {
        const args = any.args.map(evaluate);
        const [a, b] = [args[0], args[1]];
        switch (any.fn) {
          case "add":
            return a.plus(b);
          case "subtract":
            return a.minus(b);
          case "multiply":
            return a.times(b);
          case "divide":
            if (b.isZero()) throw new RangeError("[model] formula divides by zero");
            return a.dividedBy(b);
          case "pow":
            return a.pow(b);
          case "unaryMinus":
            return a.negated();
          default:
            return a;
        }
      }
      case "FunctionNode": {
        const name = String(any.fn.name);
        const args = any.args.map(evaluate);
        const a = args[0];
        switch (name) {
          case "min":
            return Decimal.min(...args);
          case "max":
            return Decimal.max(...args);
          case "sqrt":
            return a.sqrt();
          case "abs":
            return a.abs();
          case "round":
            return a.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
          case "floor":
            return a.floor();
          case "ceil":
            return a.ceil();
          case "log":
            return a.ln();
          case "exp":
            return a.exp();
        }
      }
    }
    throw new RangeError(`[model] invalid formula node: ${n.type}`);
  };
  const result = evaluate(info.node);
  if (!result.isFinite()) throw new RangeError(`[model] formula result is not a finite number: ${result.toString()}`);
  return result;
}

// packages/model/src/legal-form/keys/weights.ts
function driverValues(name, ctx, path) {
  const out = /* @__PURE__ */ new Map();
  const driver = ctx.drivers[name];
  if (!driver) {
    ctx.env.issue("unknown_driver", path, `no driver "${name}" in drivers`);
    return out;
  }
  for (const p of ctx.participants) {
    const series = driver.values[p];
    if (series) out.set(p, ctx.env.number(series, ctx.year, `${driver.label.en} (${p})`, ctx.used));
  }
  for (const pool of ctx.pools) {
    if (pool === ctx.self) continue;
    const series = driver.values[pool];
    if (series) out.set(pool, ctx.env.number(series, ctx.year, `${driver.label.en} (${pool})`, ctx.used));
  }
  return out;
}
function normalised(weights) {
  const total = sum(weights.values());
  return new Map([...weights].map(([id, w]) => [id, total.isZero() ? ZERO : w.dividedBy(total)]));
}
var memberSets = /* @__PURE__ */ new WeakMap();
function setOf(ids) {
  let set = memberSets.get(ids);
  if (!set) memberSets.set(ids, set = new Set(ids));
  return set;
}
function allowed(id, ctx) {
  return id !== ctx.self && (setOf(ctx.participants).has(id) || setOf(ctx.pools).has(id));
}
function keyWeights(key, ctx) {
  const result = rawWeights(key, ctx);
  const total = sum(result.weights.values());
  if (total.isZero())
    ctx.env.issue(
      "driver_total_zero",
      key.path,
      `the ${key.type} key gives every recipient a weight of zero in ${ctx.year}`
    );
  for (const [id, w] of result.weights)
    if (w.isNegative())
      ctx.env.issue(
        "negative_weight",
        key.path,
        `the ${key.type} key gives ${id} a negative weight (${w.toFixed(2)}) in ${ctx.year}`
      );
  return result;
}
function rawWeights(key, ctx) {
  switch (key.type) {
    case "fixed": {
      const weights = /* @__PURE__ */ new Map();
      for (const [id, share] of Object.entries(key.shares))
        if (allowed(id, ctx)) weights.set(id, weightToDecimal(share));
      return {
        weights,
        rule: `fixed shares: ${Object.entries(key.shares).map(([id, s]) => `${id} ${s}`).join(", ")}`
      };
    }
    case "even": {
      const weights = new Map(ctx.participants.map((p) => [p, new Decimal(1)]));
      return { weights, rule: `even split over ${ctx.participants.length} participants` };
    }
    case "driver":
      return {
        weights: driverValues(key.driver, ctx, `${key.path}.driver`),
        rule: `in proportion to driver ${key.driver}`
      };
    case "price-quantity":
      return priceQuantityWeights(key, ctx);
    case "base-plus-usage": {
      const baseShare = weightToDecimal(key.baseShare);
      const b = normalised(rawWeights(key.base, ctx).weights);
      const u = normalised(rawWeights(key.usage, ctx).weights);
      const weights = /* @__PURE__ */ new Map();
      for (const [id, w] of b) weights.set(id, w.times(baseShare));
      for (const [id, w] of u)
        weights.set(id, (weights.get(id) ?? ZERO).plus(w.times(new Decimal(1).minus(baseShare))));
      return {
        weights,
        rule: `${baseShare.times(100).toString()} % by the ${key.base.type} key (vaste voet), the rest by the ${key.usage.type} key (afname)`
      };
    }
    case "formula":
      return formulaWeights(key, ctx);
  }
}
function priceQuantityWeights(key, ctx) {
  const quantities = driverValues(key.driver, ctx, `${key.path}.driver`);
  if (key.price === void 0 || ctx.cost === void 0)
    return {
      weights: quantities,
      rule: `price \xD7 quantity at cost price: cost \xF7 total ${key.driver} \xD7 each recipient's ${key.driver}`
    };
  const price = weightToDecimal(key.price);
  const charged = new Map([...quantities].map(([id, q]) => [id, price.times(q)]));
  const difference = ctx.cost.minus(sum(charged.values()));
  const settlementWeights = key.settlement ? rawWeights(key.settlement, ctx).weights : quantities;
  const shares = normalised(settlementWeights);
  const weights = new Map(charged);
  for (const [id, s] of shares) weights.set(id, (weights.get(id) ?? ZERO).plus(difference.times(s)));
  return {
    weights,
    rule: `tariff \u20AC ${key.price} \xD7 ${key.driver}; the ${difference.isNegative() ? "surplus" : "deficit"} of \u20AC ${difference.abs().toFixed(2)} settled by ${key.settlement ? `the ${key.settlement.type} key` : key.driver}`
  };
}
function formulaWeights(key, ctx) {
  const check = checkFormula(key.expression);
  const weights = /* @__PURE__ */ new Map();
  if (!check.ok) {
    ctx.env.issue("formula_not_allowed", `${key.path}.expression`, check.issues[0]?.message ?? "invalid formula");
    return { weights, rule: key.expression };
  }
  const info = check.value;
  const recipients = [
    ...ctx.participants.filter((p) => info.symbols.every((s) => ctx.drivers[s]?.values[p])),
    ...ctx.pools.filter((p) => p !== ctx.self && info.symbols.every((s) => ctx.drivers[s]?.values[p]))
  ];
  for (const id of recipients) {
    const variables = {};
    for (const name of info.symbols) {
      const driver = ctx.drivers[name];
      const series = driver?.values[id];
      if (!driver || !series) {
        ctx.env.issue(
          "no_value_in_force",
          `${key.path}.expression`,
          `the formula uses ${name}, which has no values for ${id}`
        );
        variables[name] = ZERO;
      } else variables[name] = ctx.env.number(series, ctx.year, `${driver.label.en} (${id})`, ctx.used);
    }
    try {
      weights.set(id, evaluateFormula(info, variables));
    } catch (error) {
      ctx.env.issue(
        "formula_error",
        `${key.path}.expression`,
        `the formula cannot be evaluated for ${id}: ${error.message.replace("[model] ", "")}`
      );
      weights.set(id, ZERO);
    }
  }
  return { weights, rule: `formula ${key.expression}, evaluated per recipient` };
}

// packages/model/src/legal-form/key-use.ts
function keyUse(ctx, series, year, label2, place) {
  const found = ctx.env.value(series, year, label2);
  if (!found) return void 0;
  const inputs = [];
  const weights = keyWeights(found.value, {
    year,
    participants: ctx.participantIds,
    pools: place.participantsOnly ? [] : ctx.poolIds,
    ...place.self ? { self: place.self } : {},
    ...place.cost ? { cost: place.cost } : {},
    drivers: ctx.scenario.drivers,
    env: ctx.env,
    used: inputs
  });
  return { ...weights, key: found.value, from: found.from, inputs };
}
function splitByKey(ctx, total, key) {
  const participants = new Set(ctx.participantIds);
  const weights = new Map(
    [...key?.weights ?? /* @__PURE__ */ new Map()].filter(([id, w]) => participants.has(id) && !w.isNegative())
  );
  if (total.isZero() || sum(weights.values()).isZero()) return new Map(ctx.participantIds.map((p) => [p, ZERO]));
  const parts = allocateByWeights(total, weights);
  return new Map(ctx.participantIds.map((p) => [p, parts.get(p) ?? ZERO]));
}

// packages/model/src/legal-form/transition.ts
function transitionCosts(ctx, year) {
  const tc = ctx.scenario.centrumgemeente?.transitionCosts;
  const leaf = tc?.amounts[String(year)];
  if (!ctx.moves || !tc || !leaf) return void 0;
  const amount = {
    value: roundToCents(toDecimal(leaf.value)),
    rule: `frictiekosten budgeted for ${year}`,
    inputs: [
      {
        path: "centrumgemeente.transitionCosts.amounts",
        label: `transition costs ${year}`,
        from: String(year),
        value: leaf.value,
        provenance: leaf.provenance,
        asOf: yearDate(year)
      }
    ]
  };
  const key = tc.key ? keyUse(ctx, tc.key, year, "transition cost key", { participantsOnly: true }) : void 0;
  return { amount, ...key ? { key } : {} };
}
function applyTransition(ctx, participants, transition, costItems) {
  if (!transition) return;
  const split = splitByKey(ctx, transition.amount.value, transition.key);
  costItems.push({ label: "transition costs (frictiekosten)", amount: transition.amount.value });
  for (const [p, d] of participants) {
    d.components.transition = split.get(p) ?? ZERO;
    d.notes.transition = {
      rule: `share of \u20AC ${fmt(transition.amount.value)} frictiekosten by the transition key (${transition.key?.rule ?? "no key"})`,
      inputs: [...transition.amount.inputs, ...transition.key?.inputs ?? []]
    };
  }
}

// packages/model/src/legal-form/vat.ts
var ONE2 = new Decimal(1);
function vatRate(ctx, year) {
  const inputs = [];
  const value = ratio(ctx, ctx.scenario.vat.rate, year, "VAT rate", "0", inputs);
  return { value, rule: "VAT rate", inputs };
}
function taxableBase(pools, charges, inputs, factor) {
  for (const pool of pools) inputs.push(...pool.taxableShare.inputs);
  const base = sum(pools.map((pool) => (charges.get(pool.id) ?? ZERO).times(pool.taxableShare.value)));
  return factor ? base.times(factor) : base;
}
function nonCompensatedVat(ctx, year, participant, base, rate, inputs) {
  const bcfSeries = ctx.scenario.vat.bcfCompensable[participant];
  const bcf = ratio(ctx, bcfSeries, year, `BCF-compensable share (${participant})`, "0", inputs);
  return roundToCents(base.times(rate).times(ONE2.minus(bcf)));
}

// packages/model/src/problem/validate.ts
init_issue();
var MAX_PROBLEM_LENGTH = 20 * 1024 * 1024;
function collector(positions) {
  if (!positions) return new IssueCollector();
  return new IssueCollector(void 0, (path) => {
    for (let p = path; ; ) {
      const found = positions.get(p);
      if (found) return found;
      if (p === "") return void 0;
      const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
      p = cut <= 0 ? "" : p.slice(0, cut);
    }
  });
}
function checkReachesRecipients(drafts, recipients, out) {
  const reaches = /* @__PURE__ */ new Set();
  let changed = true;
  while (changed) {
    changed = false;
    for (const draft of drafts) {
      if (reaches.has(draft.id)) continue;
      for (const [target, weight] of draft.drivers) {
        if (weight.isZero()) continue;
        if (recipients.has(target) || reaches.has(target)) {
          reaches.add(draft.id);
          changed = true;
          break;
        }
      }
    }
  }
  for (const draft of drafts) {
    if (reaches.has(draft.id) || sum(draft.drivers.values()).isZero()) continue;
    const served = [...draft.drivers].filter(([, w]) => !w.isZero()).map(([t]) => t);
    out.add(
      "singular_system",
      `pools[${draft.index}].drivers`,
      `the cost of ${JSON.stringify(draft.id)} never reaches a recipient: it serves only ${served.join(", ")}, and none of the pools it reaches serves a recipient, so the reciprocal system is singular (it has no solution)`
    );
  }
}
function solvabilityIssues(problem2) {
  if (problem2.method !== "reciprocal") return [];
  const out = collector();
  const drafts = problem2.pools.map((pool, index) => ({
    index,
    id: pool.id,
    cost: pool.cost,
    drivers: new Map(pool.drivers),
    driversReliable: true
  }));
  checkReachesRecipients(drafts, new Set(problem2.recipients), out);
  return out.issues;
}

// packages/model/src/money/fixed.ts
var FIXED_PLACES = 30;
var SCALE = 10n ** BigInt(FIXED_PLACES);
var PER_CENT = 10n ** BigInt(FIXED_PLACES - 2);
function toFixedPoint(value) {
  return BigInt(value.toFixed(FIXED_PLACES, Decimal.ROUND_HALF_EVEN).replace(".", ""));
}
function formatFixedPoint(value, places) {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(FIXED_PLACES + 1, "0");
  const cut = digits.length - FIXED_PLACES + places;
  const head = digits.slice(0, cut);
  const tail = digits.slice(cut);
  const first = tail.charCodeAt(0);
  const roundUp = first > 53 || first === 53 && (/[1-9]/.test(tail.slice(1)) || head.charCodeAt(head.length - 1) % 2 === 1);
  const rounded = roundUp ? (BigInt(head) + 1n).toString().padStart(places + 1, "0") : head;
  const text = places > 0 ? `${rounded.slice(0, -places)}.${rounded.slice(-places)}` : rounded;
  return negative && /[1-9]/.test(rounded) ? `-${text}` : text;
}
function fixedToCents(value) {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const quotient = magnitude / PER_CENT;
  const twice = magnitude % PER_CENT * 2n;
  const cents = quotient + (twice > PER_CENT || twice === PER_CENT && quotient % 2n === 1n ? 1n : 0n);
  return negative ? -cents : cents;
}
function formatCents(cents) {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
function formatScaledInteger(value, places) {
  if (places === 0) return value.toString();
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, "0");
  const fraction = digits.slice(-places).replace(/0+$/, "");
  return `${negative ? "-" : ""}${digits.slice(0, -places)}${fraction ? `.${fraction}` : ""}`;
}
function weightsToIntegers(weights) {
  const places = Math.max(0, ...weights.map((w) => w.decimalPlaces()));
  const factor = new Decimal(10).pow(places);
  return { integers: weights.map((w) => BigInt(w.times(factor).toFixed(0))), places };
}
function splitFixedPoint(total, weights) {
  let weightSum = 0n;
  for (const w of weights) weightSum += w;
  if (weightSum === 0n) return [];
  return weights.map((w) => w === 0n ? 0n : total * w / weightSum);
}
function roundFixedPreserving(parts, ids, targetCents) {
  const cents = parts.map((p) => p / PER_CENT);
  let leftover = targetCents;
  for (const c of cents) leftover -= c;
  if (leftover === 0n) return cents;
  const order = [];
  const remainders = [];
  const leading = [];
  for (let i = 0; i < parts.length; i++) {
    const remainder = parts[i] - cents[i] * PER_CENT;
    remainders.push(remainder);
    leading.push(Number(remainder));
    if (parts[i] !== 0n) order.push(i);
  }
  if (order.length === 0) throw new RangeError("[model] cannot place leftover cents: every part is zero");
  order.sort((a, b) => {
    if (leading[a] !== leading[b]) return leading[b] - leading[a];
    const ra = remainders[a];
    const rb = remainders[b];
    if (ra !== rb) return ra > rb ? -1 : 1;
    return ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0;
  });
  for (let k = 0; leftover > 0n; k = (k + 1) % order.length, leftover--) cents[order[k]] += 1n;
  for (let k = order.length - 1; leftover < 0n; k = (k - 1 + order.length) % order.length, leftover++)
    cents[order[k]] -= 1n;
  return cents;
}

// packages/model/src/allocation/build.ts
var poolWeights = /* @__PURE__ */ new WeakMap();
function weightsOf(pool) {
  let weights = poolWeights.get(pool);
  if (!weights) {
    const ids = [...pool.drivers.keys()];
    const { integers, places } = weightsToIntegers([...pool.drivers.values()]);
    weights = {
      integers: new Map(ids.map((id, i) => [id, integers[i]])),
      texts: new Map(ids.map((id, i) => [id, formatScaledInteger(integers[i], places)])),
      places
    };
    poolWeights.set(pool, weights);
  }
  return weights;
}
var flowCache = /* @__PURE__ */ new WeakMap();
function exactFlows(step) {
  let flows = flowCache.get(step);
  if (!flows) {
    const weights = weightsOf(step.pool).integers;
    const targets = step.targets.map(([target]) => target);
    flows = {
      targets,
      parts: splitFixedPoint(
        step.total,
        targets.map((t) => weights.get(t))
      )
    };
    flowCache.set(step, flows);
  }
  return flows;
}
var SIX = 6;
function roundSteps(problem2, plan) {
  const recipientIndex = new Map(problem2.recipients.map((id, i) => [id, i]));
  const recipientExact = problem2.recipients.map(() => 0n);
  const unallocatedIds = [];
  const unallocatedExact = [];
  const stepNumber = /* @__PURE__ */ new Map();
  const roundedByStep = [];
  const flowsByStep = [];
  plan.steps.forEach((step, index) => {
    stepNumber.set(step.pool.id, index + 1);
    const flows = exactFlows(step);
    flowsByStep.push(flows);
    if (flows.parts.length === 0) {
      unallocatedIds.push(step.pool.id);
      unallocatedExact.push(step.total);
      roundedByStep.push(step.targets.map(() => 0n));
      return;
    }
    flows.targets.forEach((target, i) => {
      const r = recipientIndex.get(target);
      if (r !== void 0) recipientExact[r] += flows.parts[i];
    });
    roundedByStep.push(roundFixedPreserving(flows.parts, flows.targets, fixedToCents(step.total)));
  });
  return { recipientIndex, recipientExact, unallocatedIds, unallocatedExact, stepNumber, roundedByStep, flowsByStep };
}
function roundTotals(problem2, rounded) {
  const { recipientExact, unallocatedIds, unallocatedExact } = rounded;
  let inputCents = 0n;
  for (const pool of problem2.pools) inputCents += BigInt(pool.cost.times(100).toFixed(0));
  const unallocatedCents = fixedToCents(unallocatedExact.reduce((s, x) => s + x, 0n));
  const recipientCents = roundFixedPreserving(recipientExact, problem2.recipients, inputCents - unallocatedCents);
  const unallocatedRounded = unallocatedIds.length > 0 ? roundFixedPreserving(unallocatedExact, unallocatedIds, unallocatedCents) : [];
  const allocatedCents = recipientCents.reduce((s, x) => s + x, 0n);
  const unallocatedSum = unallocatedRounded.reduce((s, x) => s + x, 0n);
  if (allocatedCents + unallocatedSum !== inputCents)
    throw new Error(`[model] balance check failed: ${inputCents} \u2260 ${allocatedCents} + ${unallocatedSum} cents`);
  const unallocatedByPool = new Map(unallocatedIds.map((id, i) => [id, unallocatedRounded[i]]));
  return { inputCents, recipientCents, allocatedCents, unallocatedSum, unallocatedByPool };
}
function stepTexts(plan, rounded, totals) {
  const poolTotal = new Map(plan.steps.map((step) => [step.pool.id, formatCents(fixedToCents(step.total))]));
  const allocations = [];
  const amountText = [];
  plan.steps.forEach((step, index) => {
    const texts2 = rounded.roundedByStep[index].map((cents) => formatCents(cents));
    amountText.push(texts2);
    step.targets.forEach(([to], i) => allocations.push({ from: step.pool.id, to, amount: texts2[i] }));
  });
  const received = /* @__PURE__ */ new Map();
  for (const allocation of allocations) {
    if (!rounded.stepNumber.has(allocation.to)) continue;
    const list = received.get(allocation.to) ?? [];
    list.push({ from: allocation.from, amount: allocation.amount });
    received.set(allocation.to, list);
  }
  const weightTexts = plan.steps.map((step) => {
    const texts2 = weightsOf(step.pool).texts;
    return step.targets.map(([target]) => texts2.get(target));
  });
  const steps = plan.steps.map((step, index) => {
    const weights = weightsOf(step.pool);
    let weightSum = 0n;
    for (const [target] of step.targets) weightSum += weights.integers.get(target);
    return {
      step: index + 1,
      pool: step.pool.id,
      own: formatCents(BigInt(step.pool.cost.times(100).toFixed(0))),
      received: received.get(step.pool.id) ?? [],
      total: poolTotal.get(step.pool.id),
      weightSum: formatScaledInteger(weightSum, weights.places),
      targets: step.targets.map(([to], i) => ({ to, weight: weightTexts[index][i], amount: amountText[index][i] })),
      unallocated: formatCents(totals.unallocatedByPool.get(step.pool.id) ?? 0n)
    };
  });
  return { poolTotal, allocations, amountText, weightTexts, steps };
}
function recipientTraces(problem2, plan, rounded, totals, texts2) {
  const { recipientIndex, roundedByStep, flowsByStep, recipientExact } = rounded;
  const { amountText, weightTexts, steps } = texts2;
  const shares = problem2.recipients.map(() => []);
  const allocatedCentsTo = problem2.recipients.map(() => 0n);
  plan.steps.forEach((step, index) => {
    step.targets.forEach(([target], i) => {
      const r = recipientIndex.get(target);
      if (r !== void 0) allocatedCentsTo[r] += roundedByStep[index][i];
    });
    const flows = flowsByStep[index];
    step.targets.forEach(([target, weight], i) => {
      const r = recipientIndex.get(target);
      if (r === void 0 || weight.isZero()) return;
      shares[r].push({
        pool: step.pool.id,
        step: index + 1,
        weight: weightTexts[index][i],
        weightSum: steps[index].weightSum,
        poolTotal: steps[index].total,
        exact: formatFixedPoint(flows.parts[i] ?? 0n, SIX),
        amount: amountText[index][i]
      });
    });
  });
  return problem2.recipients.map((recipient, r) => ({
    recipient,
    total: formatCents(totals.recipientCents[r]),
    exact: formatFixedPoint(recipientExact[r], SIX),
    shares: shares[r],
    roundingDifference: formatCents(totals.recipientCents[r] - allocatedCentsTo[r])
  }));
}
function buildResult(problem2, plan) {
  const rounded = roundSteps(problem2, plan);
  const totals = roundTotals(problem2, rounded);
  const texts2 = stepTexts(plan, rounded, totals);
  const traces = recipientTraces(problem2, plan, rounded, totals, texts2);
  const { recipientCents, inputCents, allocatedCents, unallocatedSum, unallocatedByPool } = totals;
  const { poolTotal, allocations, steps } = texts2;
  const unallocated = {};
  for (const pool of problem2.pools) {
    const cents = unallocatedByPool.get(pool.id);
    if (cents !== void 0 && cents !== 0n) unallocated[pool.id] = formatCents(cents);
  }
  return {
    method: plan.method,
    poolTotals: Object.fromEntries(problem2.pools.map((pool) => [pool.id, poolTotal.get(pool.id)])),
    allocations,
    recipientTotals: Object.fromEntries(problem2.recipients.map((id, r) => [id, formatCents(recipientCents[r])])),
    check: {
      input: formatCents(inputCents),
      allocated: formatCents(allocatedCents),
      unallocated: formatCents(unallocatedSum)
    },
    unallocated,
    trace: { steps, recipients: traces, ...plan.solve ? { solve: plan.solve } : {} }
  };
}

// packages/model/src/allocation/direct.ts
function allocateDirect(problem2) {
  const recipients = new Set(problem2.recipients);
  const steps = problem2.pools.map((pool) => ({
    pool,
    total: toFixedPoint(pool.cost),
    targets: [...pool.drivers].filter(([target]) => recipients.has(target))
  }));
  return buildResult(problem2, { method: "direct", steps });
}

// packages/model/src/allocation/linear.ts
var MAX_REFINEMENTS = 10;
function toNumber(value) {
  return Number(value.toString());
}
function fromNumber(value) {
  return new Decimal(String(value));
}
function residualOf(entries, b, x) {
  const r = b.map((bi, i) => bi.minus(x[i]));
  for (const { row: row2, col, value } of entries) r[row2] = r[row2].plus(value.times(x[col]));
  return r;
}
function maxAbs(values) {
  let max = ZERO;
  for (const v of values) if (v.abs().greaterThan(max)) max = v.abs();
  return max;
}
function solveIdentityMinus(n, entries, b) {
  const bMax = maxAbs(b);
  const tolerance = Decimal.max(new Decimal("1e-42"), bMax.times("1e-55"));
  const dense = new Float64Array(n * n);
  for (let i = 0; i < n; i++) dense[i * n + i] = 1;
  for (const { row: row2, col, value } of entries) dense[row2 * n + col] -= toNumber(value);
  const factors = factorLu(dense, n);
  if (factors) {
    const solve = (rhs) => Array.from(solveLu(factors, Float64Array.from(rhs, toNumber)), fromNumber);
    let x = solve(b);
    let previous;
    for (let refinements = 0; refinements <= MAX_REFINEMENTS; refinements++) {
      const r = residualOf(entries, b, x);
      const residual = maxAbs(r);
      if (residual.lessThanOrEqualTo(tolerance)) return { x, solver: "float-lu-refined", refinements, residual };
      if (previous !== void 0 && residual.greaterThan(previous.times("0.001"))) break;
      previous = residual;
      const correction = solve(r);
      x = x.map((xi, i) => xi.plus(correction[i]));
    }
  }
  return solveBig(n, entries, b, tolerance);
}
function factorLu(a, n) {
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < n; k++) {
    let pivotRow = k;
    let largest = Math.abs(a[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(a[i * n + k]);
      if (v > largest) [largest, pivotRow] = [v, i];
    }
    if (!(largest > 0) || !Number.isFinite(largest)) return void 0;
    if (pivotRow !== k) {
      for (let j = 0; j < n; j++) [a[k * n + j], a[pivotRow * n + j]] = [a[pivotRow * n + j], a[k * n + j]];
      [perm[k], perm[pivotRow]] = [perm[pivotRow], perm[k]];
    }
    const pivot = a[k * n + k];
    for (let i = k + 1; i < n; i++) {
      const factor = a[i * n + k] /= pivot;
      if (factor !== 0) for (let j = k + 1; j < n; j++) a[i * n + j] -= factor * a[k * n + j];
    }
  }
  return { n, lu: a, perm };
}
function solveLu({ n, lu, perm }, b) {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[perm[i]];
    for (let j = 0; j < i; j++) s -= lu[i * n + j] * x[j];
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let j = i + 1; j < n; j++) s -= lu[i * n + j] * x[j];
    x[i] = s / lu[i * n + i];
  }
  return x;
}
function solveBig(n, entries, b, tolerance) {
  const a = Array.from(
    { length: n },
    (_, i) => Array.from({ length: n }, (_2, j) => i === j ? new Decimal(1) : ZERO)
  );
  for (const { row: row2, col, value } of entries) a[row2][col] = a[row2][col].minus(value);
  const rhs = [...b];
  for (let k = 0; k < n; k++) {
    let pivotRow = k;
    for (let i = k + 1; i < n; i++) if (a[i][k].abs().greaterThan(a[pivotRow][k].abs())) pivotRow = i;
    if (a[pivotRow][k].isZero()) throw new Error("[model] the reciprocal system is singular");
    [a[k], a[pivotRow]] = [a[pivotRow], a[k]];
    [rhs[k], rhs[pivotRow]] = [rhs[pivotRow], rhs[k]];
    for (let i = k + 1; i < n; i++) {
      const factor = a[i][k].dividedBy(a[k][k]);
      if (factor.isZero()) continue;
      for (let j = k; j < n; j++) a[i][j] = a[i][j].minus(factor.times(a[k][j]));
      rhs[i] = rhs[i].minus(factor.times(rhs[k]));
    }
  }
  const x = new Array(n).fill(ZERO);
  for (let i = n - 1; i >= 0; i--) {
    let s = rhs[i];
    for (let j = i + 1; j < n; j++) s = s.minus(a[i][j].times(x[j]));
    x[i] = s.dividedBy(a[i][i]);
  }
  const residual = maxAbs(residualOf(entries, b, x));
  if (residual.greaterThan(tolerance.times("1e12")))
    throw new Error(
      `[model] the reciprocal system could not be solved accurately (residual ${residual.toExponential(3)})`
    );
  return { x, solver: "decimal-elimination", refinements: 0, residual };
}
function solveIntegerExact(a, b) {
  const n = b.length;
  const m = a.map((row2, i) => [...row2, b[i]]);
  let previous = 1n;
  for (let k = 0; k < n; k++) {
    let pivotRow = k;
    while (pivotRow < n && m[pivotRow][k] === 0n) pivotRow++;
    if (pivotRow === n) return void 0;
    if (pivotRow !== k) [m[k], m[pivotRow]] = [m[pivotRow], m[k]];
    const pivot = m[k];
    const p = pivot[k];
    for (let i = 0; i < n; i++) {
      if (i === k) continue;
      const row2 = m[i];
      const f = row2[k];
      for (let j = 0; j <= n; j++) if (j !== k) row2[j] = (p * row2[j] - f * pivot[j]) / previous;
      row2[k] = 0n;
    }
    previous = p;
  }
  const sign = previous < 0n ? -1n : 1n;
  const denominator = previous * sign;
  const numerators = m.map((row2, i) => row2[n] * sign * previous / row2[i]);
  for (let i = 0; i < n; i++) {
    let lhs = 0n;
    for (let j = 0; j < n; j++) lhs += a[i][j] * numerators[j];
    if (lhs !== b[i] * denominator) return void 0;
  }
  return { numerators, denominator };
}

// packages/model/src/allocation/reciprocal.ts
var EXACT_SOLVE_MAX_POOLS = 12;
function allocateReciprocal(problem2, solver = "auto") {
  const small = solver === "auto" && problem2.pools.length <= EXACT_SOLVE_MAX_POOLS;
  const solved = small ? solveExactly(problem2) : void 0;
  const { totals, solve } = solved ?? solveRefined(problem2);
  const steps = problem2.pools.map((pool, i) => ({
    pool,
    total: totals[i],
    targets: [...pool.drivers]
  }));
  return buildResult(problem2, { method: "reciprocal", steps, solve });
}
function solveRefined(problem2) {
  const index = new Map(problem2.pools.map((pool, i) => [pool.id, i]));
  const entries = [];
  for (const [i, pool] of problem2.pools.entries()) {
    const weightSum = sum(pool.drivers.values());
    for (const [target, weight] of pool.drivers) {
      const j = index.get(target);
      if (j !== void 0 && !weight.isZero()) entries.push({ row: j, col: i, value: weight.dividedBy(weightSum) });
    }
  }
  const solution = solveIdentityMinus(
    problem2.pools.length,
    entries,
    problem2.pools.map((pool) => pool.cost)
  );
  return {
    totals: solution.x.map(toFixedPoint),
    solve: {
      size: problem2.pools.length,
      solver: solution.solver,
      refinements: solution.refinements,
      residual: solution.residual.toExponential(3)
    }
  };
}
function solveExactly(problem2) {
  const n = problem2.pools.length;
  const index = new Map(problem2.pools.map((pool, i) => [pool.id, i]));
  const a = problem2.pools.map(() => new Array(n).fill(0n));
  const scales = [];
  for (const [i, pool] of problem2.pools.entries()) {
    const integers = weightsOf(pool).integers;
    let weightSum = 0n;
    for (const w of integers.values()) weightSum += w;
    const scale = weightSum === 0n ? 1n : weightSum;
    scales.push(scale);
    a[i][i] = scale;
    if (weightSum === 0n) continue;
    for (const [target, w] of integers) {
      const j = index.get(target);
      if (j !== void 0) a[j][i] -= w;
    }
  }
  const costs = weightsToIntegers(problem2.pools.map((pool) => pool.cost));
  const solution = solveIntegerExact(a, costs.integers);
  if (!solution) return void 0;
  const denominator = solution.denominator * 10n ** BigInt(costs.places);
  const totals = solution.numerators.map((z, i) => roundHalfEven(scales[i] * z * SCALE, denominator));
  return { totals, solve: { size: n, solver: "exact-rational", refinements: 0, residual: ZERO_RESIDUAL } };
}
var ZERO_RESIDUAL = new Decimal(0).toExponential(3);
function roundHalfEven(numerator, denominator) {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let q = magnitude / denominator;
  const twice = (magnitude - q * denominator) * 2n;
  if (twice > denominator || twice === denominator && q % 2n === 1n) q += 1n;
  return negative ? -q : q;
}

// packages/model/src/allocation/step-down.ts
function allocateStepDown(problem2) {
  const recipients = new Set(problem2.recipients);
  const byId = new Map(problem2.pools.map((pool) => [pool.id, pool]));
  const position2 = new Map(problem2.order.map((id, index) => [id, index]));
  const received = /* @__PURE__ */ new Map();
  const steps = problem2.order.map((id, index) => {
    const pool = byId.get(id);
    const targets = [...pool.drivers].filter(
      ([target]) => recipients.has(target) || (position2.get(target) ?? -1) > index
    );
    const step = { pool, total: toFixedPoint(pool.cost) + (received.get(id) ?? 0n), targets };
    const flows = exactFlows(step);
    flows.parts.forEach((amount, i) => {
      const target = flows.targets[i];
      if (!recipients.has(target)) received.set(target, (received.get(target) ?? 0n) + amount);
    });
    return step;
  });
  return buildResult(problem2, { method: "step-down", steps });
}

// packages/model/src/allocation/index.ts
var METHODS = {
  direct: {
    id: "direct",
    label: "Direct",
    summary: "each pool's own cost goes straight to the recipients; service between pools is ignored",
    allocate: allocateDirect
  },
  "step-down": {
    id: "step-down",
    label: "Step-down",
    summary: "pools in order; each allocates its cost plus what it received to the recipients and later pools",
    allocate: allocateStepDown
  },
  reciprocal: {
    id: "reciprocal",
    label: "Reciprocal",
    summary: "all pool totals solved at once from T = c + S\u1D40\xB7T, then allocated to the recipients",
    allocate: (problem2) => allocateReciprocal(problem2)
  }
};
function allocateNormalised(problem2, method) {
  const id = method ?? problem2.method;
  return METHODS[id].allocate(id === problem2.method ? problem2 : { ...problem2, method: id });
}

// packages/model/src/legal-form/engine.ts
function allocateYear(input) {
  const problem2 = {
    method: input.method,
    order: input.order && input.method === "step-down" ? [...input.order] : input.pools.map((p) => p.id),
    pools: input.pools.map((p) => ({ id: p.id, cost: p.cost, drivers: p.weights })),
    recipients: [...input.participants]
  };
  const unsolvable = solvabilityIssues(problem2);
  if (unsolvable.length > 0)
    throw new Error(
      `[model] the allocation engine rejected a scenario year: ${unsolvable.map((i) => `${i.path}: ${i.message}`).join("; ")}`
    );
  const result = allocateNormalised(problem2);
  const charges = new Map(input.participants.map((p) => [p, /* @__PURE__ */ new Map()]));
  for (const a of result.allocations) {
    const byPool = charges.get(a.to);
    if (byPool) byPool.set(a.from, (byPool.get(a.from) ?? ZERO).plus(toDecimal(a.amount)));
  }
  const totals = new Map(input.participants.map((p) => [p, toDecimal(result.recipientTotals[p] ?? "0")]));
  for (const [p, byPool] of charges) {
    const diff = totals.get(p).minus([...byPool.values()].reduce((a, b) => a.plus(b), ZERO));
    if (diff.isZero()) continue;
    const largest = [...byPool].sort((a, b) => b[1].comparedTo(a[1]) || (a[0] < b[0] ? -1 : 1))[0];
    if (largest) byPool.set(largest[0], largest[1].plus(diff));
    else byPool.set(input.pools[0]?.id ?? "unknown", diff);
  }
  return { result, charges, totals, problem: problem2 };
}

// packages/model/src/legal-form/pool-year.ts
var ONE3 = new Decimal(1);
function poolYear(ctx, pool, year, efficiency) {
  const cost = ctx.amount(pool.cost, year, `cost of ${pool.name}`, poolWageShare(ctx, pool));
  const revInputs = [];
  const revenue = pool.revenue ? roundToCents(ctx.env.number(pool.revenue, year, `revenue of ${pool.name}`, revInputs)) : ZERO;
  const net = roundToCents(cost.value.minus(revenue).times(ONE3.minus(efficiency)));
  if (net.isNegative())
    ctx.env.issue("negative_value", `pools[id=${pool.id}].revenue`, `pool ${pool.id}: revenue exceeds cost in ${year}`);
  const taxInputs = [];
  const taxable = ratio(ctx, pool.vatTaxableShare, year, `VAT-taxable share of ${pool.id}`, "0", taxInputs);
  const key = keyUse(ctx, pool.key, year, `key of ${pool.id}`, { self: pool.id, cost: net }) ?? {
    weights: /* @__PURE__ */ new Map(),
    rule: "no key in force",
    key: { type: "even", path: pool.key.path },
    from: "",
    inputs: []
  };
  return {
    id: pool.id,
    name: pool.name,
    kind: pool.kind,
    cost,
    revenue: {
      value: revenue,
      rule: `revenue of ${pool.name} (third parties), deducted before allocation`,
      inputs: revInputs
    },
    efficiency,
    net,
    taxableShare: {
      value: taxable,
      rule: `share of ${pool.name} charges outside the koepelvrijstelling`,
      inputs: taxInputs
    },
    key
  };
}
function poolYears(ctx, year, centrum) {
  const effInputs = [];
  const efficiency = centrum ? ratio(ctx, ctx.scenario.centrumgemeente?.efficiency, year, "efficiency", "0", effInputs) : ZERO;
  return ctx.scenario.pools.map((pool) => poolYear(ctx, pool, year, efficiency));
}
function methodIn(ctx, year) {
  const found = ctx.env.value(ctx.scenario.allocation, year, "allocation method");
  const setting = found?.value ?? { method: "direct" };
  return {
    method: ctx.methodOverride ?? setting.method,
    ...setting.order ? { order: setting.order } : {},
    from: found?.from ?? ""
  };
}
function allocateServices(ctx, year, pools) {
  const { method, order } = methodIn(ctx, year);
  if (pools.some((p) => sum(p.key.weights.values()).isZero() || [...p.key.weights.values()].some((w) => w.isNegative())))
    return void 0;
  try {
    const allocation = allocateYear({
      method,
      ...order ? { order } : {},
      pools: pools.map((p) => ({ id: p.id, cost: p.net, weights: p.key.weights })),
      participants: ctx.participantIds
    });
    for (const [pool, amount] of Object.entries(allocation.result.unallocated))
      if (amount !== "0.00")
        ctx.env.issue(
          "unallocated_cost",
          `pools[id=${pool}].key`,
          `${year}: \u20AC ${amount} of pool ${pool} reaches no participant with the ${method} method (its key names only pools)`
        );
    return allocation;
  } catch (error) {
    ctx.env.issue("allocation_failed", "pools", `${year}: ${error.message.replace("[model] ", "")}`);
    return void 0;
  }
}

// packages/model/src/legal-form/year-frame.ts
function startYear(ctx, year, centrum) {
  const pools = poolYears(ctx, year, centrum);
  const { method, from: methodFrom } = methodIn(ctx, year);
  const allocation = allocateServices(ctx, year, pools);
  const participants = new Map(
    ctx.participantIds.map((p) => [p, { components: emptyComponents(), pools: /* @__PURE__ */ new Map(), notes: {}, ownerCost: ZERO }])
  );
  const costItems = pools.map((p) => ({ label: `pool ${p.id}`, amount: p.net }));
  return { pools, method, methodFrom, allocation, participants, costItems };
}
function inhabitants(ctx, year) {
  const driver = ctx.scenario.drivers.inwoners;
  return new Map(
    ctx.participantIds.map((p) => {
      const inputs = [];
      const series = driver?.values[p];
      if (!series) ctx.env.issue("no_value_in_force", `drivers.inwoners.values`, `inwoners has no values for ${p}`);
      const value = series ? ctx.env.number(series, year, `inhabitants (${p})`, inputs) : ZERO;
      return [p, { value, rule: `inhabitants of ${p} on ${yearDate(year)}`, inputs }];
    })
  );
}
function finishYear(ctx, year, legalForm, start, extra) {
  const { pools, method, methodFrom, allocation, participants, costItems } = start;
  const costs = sum(costItems.map((i) => i.amount));
  const charged = sum([...participants.values()].flatMap((d) => COMPONENTS.map((c) => d.components[c])));
  return {
    year,
    legalForm,
    method,
    methodFrom,
    pools,
    allocation,
    participants,
    inhabitants: inhabitants(ctx, year),
    costItems,
    costs,
    charged,
    ...extra
  };
}

// packages/model/src/legal-form/gr-year.ts
function grService(start) {
  for (const [p, d] of start.participants) {
    d.components.service = start.allocation?.totals.get(p) ?? ZERO;
    for (const [pool, amount] of start.allocation?.charges.get(p) ?? []) d.pools.set(pool, amount);
    d.notes.service = {
      rule: `the GR's pools allocated to the participants by their keys, ${start.method} method`,
      inputs: []
    };
  }
}
function ownerCost(ctx, participant, year) {
  const owner = ctx.scenario.gr.ownerCosts[participant];
  return owner ? ctx.amount(owner, year, `owner costs (${participant})`, wagesOnly(ctx)) : void 0;
}
function grGovernance(ctx, year, start) {
  const s = ctx.scenario;
  const items = s.gr.governance.map((g) => ({
    id: g.id,
    label: g.label,
    ...ctx.amount(
      g.cost,
      year,
      `GR governance: ${g.label}`,
      (y, inputs) => ratio(ctx, g.wageShare, y, `wage share of ${g.id}`, "1", inputs)
    )
  }));
  const total = sum(items.map((i) => i.value));
  const key = s.gr.governanceKey ? keyUse(ctx, s.gr.governanceKey, year, "governance key", { participantsOnly: true }) : void 0;
  const split = splitByKey(ctx, total, key);
  for (const item of items) start.costItems.push({ label: `GR governance ${item.id}`, amount: item.value });
  for (const [p, d] of start.participants) {
    const owner = ownerCost(ctx, p, year);
    const share = split.get(p) ?? ZERO;
    d.ownerCost = owner?.value ?? ZERO;
    d.components.governance = share.plus(d.ownerCost);
    if (owner) start.costItems.push({ label: `owner costs ${p}`, amount: owner.value });
    d.notes.governance = {
      rule: `share of GR governance (\u20AC ${fmt(total)} by the governance key) \u20AC ${fmt(share)} + own owner costs \u20AC ${fmt(owner?.value ?? ZERO)}`,
      inputs: [...key?.inputs ?? [], ...owner?.inputs ?? []]
    };
  }
  return { items, total, ...key ? { key } : {} };
}
function grVat(ctx, year, start, rate) {
  for (const [p, d] of start.participants) {
    const inputs = [...rate.inputs];
    const base = taxableBase(start.pools, d.pools, inputs);
    d.components.vat = nonCompensatedVat(ctx, year, p, base, rate.value, inputs);
    start.costItems.push({ label: `VAT not compensated (${p})`, amount: d.components.vat });
    d.notes.vat = {
      rule: `${rate.value.toString()} \xD7 taxable base \u20AC ${fmt(base)} (\u03A3 pool charge \xD7 taxable share) \xD7 (1 \u2212 BCF-compensable share)`,
      inputs
    };
  }
}
function grYear(ctx, year) {
  const start = startYear(ctx, year, false);
  grService(start);
  const governance = grGovernance(ctx, year, start);
  const rate = vatRate(ctx, year);
  grVat(ctx, year, start, rate);
  const transition = transitionCosts(ctx, year);
  applyTransition(ctx, start.participants, transition, start.costItems);
  return finishYear(ctx, year, "gr", start, {
    governance,
    vatRate: rate,
    ...transition ? { transition } : {}
  });
}

// packages/model/src/legal-form/centrum-year.ts
var ONE4 = new Decimal(1);
function switchYear(ctx, year) {
  let s = year;
  while (s - 1 >= year - 100 && entryAt(ctx.scenario.legalForm, yearDate(s - 1))?.value === "centrumgemeente") s--;
  return s;
}
function dvoTerms(ctx, year) {
  const c = ctx.scenario.centrumgemeente;
  const start = switchYear(ctx, year);
  const tyInputs = [];
  const transitionYears = ratio(ctx, c.transitionYears, year, "DVO transition years", "0", tyInputs);
  const mInputs = [];
  const markup = ratio(ctx, c.markup, year, "mark-up (opslag)", "0", mInputs);
  return {
    switchYear: start,
    transitionYears: { value: transitionYears, rule: "length of the DVO transition phase in years", inputs: tyInputs },
    markup: { value: markup, rule: "opslag on the cost price after the transition phase", inputs: mInputs }
  };
}
function withTransition(ctx, year, terms) {
  const inTransition = new Decimal(year).lessThan(terms.transitionYears.value.plus(terms.switchYear));
  if (!inTransition) return terms;
  const prior = ctx.grYear(terms.switchYear - 1);
  return { ...terms, transition: { prior, index: costIndexSince(ctx, terms.switchYear, year) } };
}
function transitionFee(ctx, p, d, terms) {
  const { prior, index } = terms.transition;
  const before = prior.participants.get(p);
  const govShare = before.components.governance.minus(ownerCost(ctx, p, prior.year)?.value ?? ZERO);
  const contribution = before.components.service.plus(govShare);
  const fee = roundToCents(contribution.times(index.factor));
  d.components.service = fee;
  const weights = new Map([...before.pools].filter(([, v]) => v.isPositive()));
  const parts = weights.size > 0 && !fee.isZero() ? allocateByWeights(fee, weights) : /* @__PURE__ */ new Map();
  for (const [pool, v] of parts) d.pools.set(pool, v);
  const s = terms.switchYear;
  const rule = `DVO transition phase (${s}\u2013${s + terms.transitionYears.value.toNumber() - 1}): last GR contribution of ${s - 1} (service \u20AC ${fmt(before.components.service)} + GR governance \u20AC ${fmt(govShare)} = \u20AC ${fmt(contribution)}) \xD7 cost index ${index.rule} = \u20AC ${fmt(fee)}`;
  d.notes.service = { rule, inputs: [...terms.transitionYears.inputs, ...index.inputs] };
  return { phase: "transition", fee, rule };
}
function priceQuantityFee(p, d, start, terms) {
  const markup = terms.markup.value;
  const share = start.allocation?.totals.get(p) ?? ZERO;
  const m = roundToCents(share.times(markup));
  d.components.service = share;
  d.components.markup = m;
  for (const [pool, v] of start.allocation?.charges.get(p) ?? []) d.pools.set(pool, v);
  const rule = `DVO price \xD7 quantity: cost price share \u20AC ${fmt(share)} (pools by their keys, ${start.method} method) + mark-up ${markup.toString()} \xD7 \u20AC ${fmt(share)} = \u20AC ${fmt(share.plus(m))}`;
  d.notes.service = { rule, inputs: [...terms.transitionYears.inputs] };
  d.notes.markup = {
    rule: `opslag ${markup.toString()} on the cost price share \u20AC ${fmt(share)}`,
    inputs: [...terms.markup.inputs]
  };
  return { phase: "price-quantity", fee: share.plus(m), rule };
}
function partnerVat(ctx, year, p, start, rate, hostName) {
  const d = start.participants.get(p);
  const inputs = [...rate.inputs];
  const feeFactor = d.components.service.isZero() ? ONE4 : d.components.service.plus(d.components.markup).dividedBy(d.components.service);
  const base = taxableBase(start.pools, d.pools, inputs, feeFactor);
  d.components.vat = nonCompensatedVat(ctx, year, p, base, rate.value, inputs);
  start.costItems.push({ label: `VAT not compensated (${p})`, amount: d.components.vat });
  d.notes.vat = {
    rule: `${rate.value.toString()} \xD7 taxable part of the DVO fee \u20AC ${fmt(base)} \xD7 (1 \u2212 BCF-compensable share); ${hostName}'s own use is in-house, without VAT`,
    inputs
  };
}
function contractManagement(ctx, year, d, start, figure) {
  if (!figure) return;
  const f = ctx.amount(figure.series, year, figure.label, wagesOnly(ctx));
  d.components.contractManagement = f.value;
  d.notes.contractManagement = { rule: f.rule, inputs: [...f.inputs] };
  start.costItems.push({ label: figure.item, amount: f.value });
}
function hostResidual(host, partners, start, terms) {
  const { participants, pools } = start;
  const totalServiceCost = sum(pools.map((p) => p.net));
  const partnerFees = sum(
    partners.map((p) => participants.get(p).components.service.plus(participants.get(p).components.markup))
  );
  const residual = totalServiceCost.minus(partnerFees);
  const h = participants.get(host);
  h.components.service = totalServiceCost.minus(sum(partners.map((p) => participants.get(p).components.service)));
  h.components.markup = sum(partners.map((p) => participants.get(p).components.markup)).negated();
  for (const pool of pools)
    h.pools.set(pool.id, pool.net.minus(sum(partners.map((p) => participants.get(p).pools.get(pool.id) ?? ZERO))));
  h.notes.service = {
    rule: `${host} bears the residual: total service cost \u20AC ${fmt(totalServiceCost)} \u2212 partners' DVO fees \u20AC ${fmt(partnerFees)} = \u20AC ${fmt(residual)} (service \u20AC ${fmt(h.components.service)}, mark-up received \u20AC ${fmt(h.components.markup.negated())})`,
    inputs: []
  };
  h.notes.vat = { rule: `${host}'s own use of the services is in-house: no VAT is charged to the host`, inputs: [] };
  if (!h.components.markup.isZero())
    h.notes.markup = {
      rule: `mark-up received from the partners: \u2212\u20AC ${fmt(h.components.markup.negated())}`,
      inputs: [...terms.markup.inputs]
    };
  return { totalServiceCost, partnerFees, residual };
}
function centrumYear(ctx, year) {
  const c = ctx.scenario.centrumgemeente;
  const host = c.host;
  const hostName = ctx.scenario.participants.find((p) => p.id === host)?.name ?? host;
  const partners = ctx.participantIds.filter((p) => p !== host);
  const start = startYear(ctx, year, true);
  const basic = dvoTerms(ctx, year);
  const rate = vatRate(ctx, year);
  const terms = withTransition(ctx, year, basic);
  const fees = /* @__PURE__ */ new Map();
  for (const p of partners) {
    const d = start.participants.get(p);
    fees.set(p, terms.transition ? transitionFee(ctx, p, d, terms) : priceQuantityFee(p, d, start, terms));
    partnerVat(ctx, year, p, start, rate, hostName);
    const cm = c.partnerContractManagement[p];
    contractManagement(
      ctx,
      year,
      d,
      start,
      cm && { series: cm, label: `contract management (${p})`, item: `contract management ${p}` }
    );
  }
  const residual = hostResidual(host, partners, start, terms);
  const hc = c.hostContractManagement;
  contractManagement(
    ctx,
    year,
    start.participants.get(host),
    start,
    hc && {
      series: hc,
      label: `host contract management (${host})`,
      item: `host contract management ${host}`
    }
  );
  const transition = transitionCosts(ctx, year);
  applyTransition(ctx, start.participants, transition, start.costItems);
  return finishYear(ctx, year, "centrumgemeente", start, {
    vatRate: rate,
    ...transition ? { transition } : {},
    dvo: {
      host,
      switchYear: terms.switchYear,
      ...terms.transition ? { prior: terms.transition.prior } : {},
      transitionYears: terms.transitionYears,
      markup: terms.markup,
      partners: fees,
      ...residual
    }
  });
}

// packages/model/src/legal-form/env.ts
var Env = class {
  issues = [];
  seen = /* @__PURE__ */ new Set();
  issue(code, path, message) {
    const id = `${code}|${path}|${message}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.issues.push({ code, path, message });
  }
  /** The leaf in force in `year`, or undefined after recording `no_value_in_force`. */
  leaf(series, year, label2) {
    const date = yearDate(year);
    const entry = entryAt(series, date);
    if (!entry || !entry.value) {
      const first = series.entries[0]?.from;
      const ended = series.entries.some((e) => e.from <= date);
      this.issue(
        "no_value_in_force",
        series.path,
        ended ? `${label2}: the value has ended before ${date} (null); no value in force` : `${label2}: no value in force on ${date} (the first value is dated ${first ?? "nowhere"})`
      );
      return void 0;
    }
    const seriesPath = series.path.replace(/\.\d{4}-\d{2}-\d{2}$/, "");
    return { leaf: entry.value, input: leafInput(entry.value, label2, entry.from, seriesPath, date) };
  }
  /** The number in force in `year` as a Decimal; zero (with an issue recorded) when none is in force. */
  number(series, year, label2, used) {
    const found = this.leaf(series, year, label2);
    if (!found) return new Decimal(0);
    used?.push(found.input);
    return weightToDecimal(found.leaf.value);
  }
  /** Like number(), but an absent series gives `fallback` without an issue. */
  optional(series, year, label2, fallback, used) {
    return series ? this.number(series, year, label2, used) : toDecimal(fallback);
  }
  /** A non-numeric value in force (key, method, legal form); undefined after recording an issue. */
  value(series, year, label2) {
    const entry = entryAt(series, yearDate(year));
    if (!entry || entry.value === null) {
      this.issue("no_value_in_force", series.path, `${label2}: no value in force on ${yearDate(year)}`);
      return void 0;
    }
    return { value: entry.value, from: entry.from };
  }
};

// packages/model/src/legal-form/compute.ts
var ScenarioModel = class {
  constructor(scenario, methodOverride) {
    this.scenario = scenario;
    this.methodOverride = methodOverride;
    this.participantIds = scenario.participants.map((p) => p.id);
    this.poolIds = scenario.pools.map((p) => p.id);
    let moves = false;
    for (let y = scenario.horizon.from; y <= scenario.horizon.to; y++)
      if (entryAt(scenario.legalForm, yearDate(y))?.value === "centrumgemeente") moves = true;
    this.moves = moves;
  }
  scenario;
  methodOverride;
  env = new Env();
  amountMemo = /* @__PURE__ */ new Map();
  yearMemo = /* @__PURE__ */ new Map();
  participantIds;
  poolIds;
  moves;
  /** A money series in `year`, indexed after its last dated value (memoised per series and year). */
  amount(series, year, label2, wageShare) {
    const memoKey = `${series.path}|${year}`;
    const cached = this.amountMemo.get(memoKey);
    if (cached) return cached;
    const figure = indexedAmount(this, series, year, label2, wageShare);
    this.amountMemo.set(memoKey, figure);
    return figure;
  }
  /** The legal form in force in `year` (the GR when none is). */
  legalFormIn(year) {
    return this.env.value(this.scenario.legalForm, year, "legal form")?.value ?? "gr";
  }
  /** The full detail of one year under the legal form in force (memoised). */
  year(year) {
    const memoKey = String(year);
    const cached = this.yearMemo.get(memoKey);
    if (cached) return cached;
    const detail = this.legalFormIn(year) === "centrumgemeente" ? centrumYear(this, year) : this.grYear(year);
    this.yearMemo.set(memoKey, detail);
    return detail;
  }
  /** A year as if the GR were in force (memoised; also the base of the DVO transition fee). */
  grYear(year) {
    const memoKey = `gr|${year}`;
    const cached = this.yearMemo.get(memoKey);
    if (cached) return cached;
    const detail = grYear(this, year);
    this.yearMemo.set(memoKey, detail);
    return detail;
  }
};

// packages/model/src/legal-form/in-house.ts
var ONE5 = new Decimal(1);
var InHouseError = class extends Error {
  constructor(path, message) {
    super(`[model] ${path}: ${message}`);
    this.path = path;
    this.name = "InHouseError";
  }
  path;
};
function leafAt(series, year, label2, inputs) {
  const entry = entryAt(series, yearDate(year));
  if (!entry?.value) throw new InHouseError(series.path, `no ${label2} is in force on ${yearDate(year)}`);
  inputs.push(leafInput(entry.value, label2, entry.from, entry.value.path, yearDate(year)));
  return toDecimal(entry.value.value);
}
function inHouseSettings(scenario) {
  if (!scenario.inHouse) throw new InHouseError("inHouse", "the scenario has no in-house settings (inHouse)");
  return scenario.inHouse;
}
function groupSize(scenario, members, year, inputs) {
  const settings = inHouseSettings(scenario);
  const driver = scenario.drivers[settings.sizeDriver];
  return sum(
    members.map((m) => {
      const series = driver.values[m];
      if (!series) throw new InHouseError(`drivers.${driver.id}.values.${m}`, `no ${driver.id} for ${m}`);
      return leafAt(series, year, `${driver.label.en} of ${m}`, inputs);
    })
  );
}
function inHouseIndex(scenario, year, inputs) {
  const settings = inHouseSettings(scenario);
  let factor = ONE5;
  for (let y = settings.priceYear + 1; y <= year; y++) {
    const ws = leafAt(settings.wageShare, y, "in-house wage share", inputs);
    const { wage, price } = scenario.indexation;
    const w = ws.isZero() || !wage ? ZERO : leafAt(wage, y, "wage index", inputs);
    const p = ws.equals(ONE5) || !price ? ZERO : leafAt(price, y, "price index", inputs);
    factor = factor.times(ONE5.plus(ws.times(w)).plus(ONE5.minus(ws).times(p)));
  }
  return factor;
}
function scaleFactor(scenario, size, year, inputs) {
  const settings = inHouseSettings(scenario);
  const reference = leafAt(settings.referenceSize, year, "in-house reference size", inputs);
  const exponent = leafAt(settings.exponent, year, "in-house scale exponent", inputs);
  if (reference.isZero() || size.isZero())
    throw new InHouseError("inHouse.referenceSize", "the in-house sizes must be greater than zero");
  return { perFte: size.dividedBy(reference).pow(exponent.minus(1)), reference, exponent };
}
function inHouseCost(scenario, members, year) {
  const settings = inHouseSettings(scenario);
  const sizeInputs = [];
  const size = groupSize(scenario, members, year, sizeInputs);
  const scaleInputs = [];
  const { perFte, reference, exponent } = scaleFactor(scenario, size, year, scaleInputs);
  const indexInputs = [];
  const index = inHouseIndex(scenario, year, indexInputs);
  const services = /* @__PURE__ */ new Map();
  const children = [];
  for (const pool of scenario.pools) {
    if (pool.kind !== "service") continue;
    const series = settings.services[pool.id];
    if (!series) throw new InHouseError(`inHouse.services.${pool.id}`, `no in-house cost per FTE for ${pool.id}`);
    const inputs = [];
    const unit = leafAt(series, year, `in-house cost per FTE of ${pool.name}`, inputs);
    const amount = roundToCents(unit.times(size).times(perFte).times(index));
    services.set(pool.id, amount);
    children.push({
      id: `inhouse.${members.join("+")}.${year}.${pool.id}`,
      label: pool.name,
      value: formatAmount(amount),
      kind: "euro",
      rule: `\u20AC ${unit.toFixed(2)} per FTE \xD7 ${size.toString()} FTE \xD7 (${size.toString()} / ${reference.toString()})^(${exponent.toString()} \u2212 1) \xD7 cost index ${index.toSignificantDigits(8).toString()}`,
      inputs
    });
  }
  const total = sum(services.values());
  return {
    year,
    members,
    size,
    services,
    total,
    trace: {
      id: `inhouse.${members.join("+")}.${year}`,
      label: `In-house bedrijfsvoering of ${members.join(", ")} in ${year}`,
      value: formatAmount(total),
      kind: "euro",
      rule: `\u03A3 over the services of cost per FTE \xD7 F \xD7 (F / F_ref)^(b \u2212 1) \xD7 index, with F = ${size.toString()} (${settings.sizeDriver}), F_ref = ${reference.toString()}, b = ${exponent.toString()}; the index runs from ${settings.priceYear} to ${year}`,
      inputs: [...sizeInputs, ...scaleInputs, ...indexInputs],
      children
    }
  };
}

// packages/model/src/scenario/restrict.ts
function isObj(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function restrictKey(key, keep) {
  if (!isObj(key)) return;
  if (isObj(key.shares)) {
    for (const id of Object.keys(key.shares)) if (!keep.has(id)) delete key.shares[id];
  }
  for (const nested of ["base", "usage", "settlement"]) restrictKey(key[nested], keep);
}
function restrictKeySeries(series, keep) {
  if (isObj(series)) for (const entry of Object.values(series)) restrictKey(entry, keep);
}
function dropOutsiders(map, keep, all) {
  if (isObj(map)) {
    for (const id of Object.keys(map)) if (all.has(id) && !keep.has(id)) delete map[id];
  }
}
function scaleSeries(series, factor, note) {
  if (!isObj(series)) return;
  for (const entry of Object.values(series)) scaleLeaf(entry, factor, note);
}
function scaleLeaf(leaf, factor, note) {
  if (!isObj(leaf) || typeof leaf.value !== "string") return;
  leaf.value = roundToCents(new Decimal(leaf.value).times(factor)).toFixed(2);
  leaf.basis = "derived";
  leaf.note = `${note}${typeof leaf.note === "string" ? `; originally: ${leaf.note}` : ""}`;
  delete leaf.range;
}
function restrictRaw(raw, members, factor, host) {
  const data = JSON.parse(JSON.stringify(raw));
  const keep = new Set(members);
  const participants = Array.isArray(data.participants) ? data.participants : [];
  const all = new Set(participants.map((p) => String(p.id)));
  data.participants = participants.filter((p) => keep.has(String(p.id)));
  const note = `scaled \xD7 ${factor.toSignificantDigits(10).toString()} for the coalition ${members.join(", ")} (in-house cost function)`;
  if (isObj(data.drivers)) {
    for (const driver of Object.values(data.drivers)) if (isObj(driver)) dropOutsiders(driver.values, keep, all);
  }
  for (const pool of Array.isArray(data.pools) ? data.pools : []) {
    scaleSeries(pool.cost, factor, note);
    scaleSeries(pool.revenue, factor, note);
    restrictKeySeries(pool.key, keep);
  }
  if (isObj(data.gr)) {
    dropOutsiders(data.gr.ownerCosts, keep, all);
    restrictKeySeries(data.gr.governanceKey, keep);
  }
  const cg = data.centrumgemeente;
  if (isObj(cg)) {
    if (!keep.has(String(cg.host))) cg.host = host;
    dropOutsiders(cg.partnerContractManagement, keep, all);
    if (isObj(cg.partnerContractManagement)) delete cg.partnerContractManagement[String(cg.host)];
    if (isObj(cg.transitionCosts)) {
      if (isObj(cg.transitionCosts.amounts))
        for (const leaf of Object.values(cg.transitionCosts.amounts)) scaleLeaf(leaf, factor, note);
      restrictKeySeries(cg.transitionCosts.key, keep);
    }
  }
  if (isObj(data.vat)) dropOutsiders(data.vat.bcfCompensable, keep, all);
  if (isObj(data.inHouse)) data.inHouse.members = {};
  delete data.variants;
  return data;
}

// packages/model/src/scenario/in-house.ts
function driverRef(r, value, path, known) {
  const id = r.id(value, path);
  if (id !== void 0 && !known.drivers.has(id)) r.issue("unknown_driver", path, `no driver "${id}" in drivers`);
  return id !== void 0 && known.drivers.has(id) ? id : void 0;
}
function readServices(value, r, known) {
  const services = {};
  const so = r.object(value, "inHouse.services", [...known.servicePools]);
  for (const [pool, series] of Object.entries(so ?? {})) {
    if (FORBIDDEN_KEYS.has(pool) || !known.servicePools.has(pool)) continue;
    const s = r.leafSeries(series, `inHouse.services.${pool}`, "money", `in-house cost per FTE of ${pool}`);
    if (s) services[pool] = s;
  }
  for (const pool of known.servicePools)
    if (so && so[pool] === void 0)
      r.issue(
        "required",
        `inHouse.services.${pool}`,
        `the in-house cost per FTE of service pool "${pool}" is required`
      );
  return services;
}
function readExitCosts(value, r, known) {
  const eo = r.object(value, "inHouse.exitCosts", [
    "uittredingsvergoeding",
    "frictiekosten",
    "ictDisentangling",
    "ictPool"
  ]);
  const exit = eo && {
    uittredingsvergoeding: r.leafSeries(
      eo.uittredingsvergoeding,
      "inHouse.exitCosts.uittredingsvergoeding",
      "count",
      "uittredingsvergoeding"
    ),
    frictiekosten: r.leafSeries(
      eo.frictiekosten,
      "inHouse.exitCosts.frictiekosten",
      "count",
      "frictiekosten of leaving"
    ),
    ictDisentangling: r.leafSeries(
      eo.ictDisentangling,
      "inHouse.exitCosts.ictDisentangling",
      "count",
      "disentangling ICT"
    ),
    ictPool: r.id(eo.ictPool, "inHouse.exitCosts.ictPool")
  };
  if (exit?.ictPool !== void 0 && !known.servicePools.has(exit.ictPool))
    r.issue("unknown_pool", "inHouse.exitCosts.ictPool", `no service pool "${exit.ictPool}"`);
  return exit;
}
function readMembers(value, r, known) {
  const members = [];
  const mo = value === void 0 ? {} : r.object(value, "inHouse.members", [...known.participants]);
  for (const [participant, entry] of Object.entries(mo ?? {})) {
    const path = `inHouse.members.${participant}`;
    if (FORBIDDEN_KEYS.has(participant)) continue;
    if (!known.participants.has(participant)) {
      r.issue("unknown_participant", path, `no participant "${participant}"`);
      continue;
    }
    const e = r.object(entry, path, ["from", "basis", "source", "note", "confidence"]);
    if (!e) continue;
    if (!isIsoDate(e.from) || !e.from.endsWith("-01-01"))
      r.issue(
        "invalid_date",
        `${path}.from`,
        "from must be 1 January of a year, e.g. 2027-01-01 (the model works in whole years)"
      );
    else if (r.provenance(e, path, `in-house membership of ${participant}`))
      members.push({ participant, from: e.from, path });
  }
  return members;
}
function readInHouse(value, r, known) {
  const o = r.object(value, "inHouse", [
    "sizeDriver",
    "referenceSize",
    "exponent",
    "wageShare",
    "priceYear",
    "services",
    "exitCosts",
    "members"
  ]);
  if (!o) return void 0;
  const before = r.issues.filter((i) => i.severity !== "warning").length;
  const sizeDriver = driverRef(r, o.sizeDriver, "inHouse.sizeDriver", known);
  const referenceSize = r.leafSeries(o.referenceSize, "inHouse.referenceSize", "count", "in-house reference size");
  const exponent = r.leafSeries(o.exponent, "inHouse.exponent", "count", "in-house scale exponent");
  const wageShare = r.leafSeries(o.wageShare, "inHouse.wageShare", "ratio", "in-house wage share");
  if (!Number.isInteger(o.priceYear))
    r.issue("invalid_type", "inHouse.priceYear", "priceYear must be a year, e.g. 2021");
  const services = readServices(o.services, r, known);
  const exit = readExitCosts(o.exitCosts, r, known);
  const members = readMembers(o.members, r, known);
  const errors = r.issues.filter((i) => i.severity !== "warning").length;
  if (errors > before || !sizeDriver || !referenceSize || !exponent || !wageShare || !exit) return void 0;
  const { uittredingsvergoeding, frictiekosten, ictDisentangling, ictPool } = exit;
  if (!uittredingsvergoeding || !frictiekosten || !ictDisentangling || !ictPool) return void 0;
  return {
    sizeDriver,
    referenceSize,
    exponent,
    wageShare,
    priceYear: o.priceYear,
    services,
    exitCosts: { uittredingsvergoeding, frictiekosten, ictDisentangling, ictPool },
    members
  };
}
function readFairness(value, r, known) {
  const o = r.object(value, "fairness", ["usageDrivers"]);
  if (!o) return void 0;
  const u = r.object(o.usageDrivers, "fairness.usageDrivers", [...known.servicePools]);
  if (!u) return void 0;
  const usageDrivers = {};
  let ok = true;
  for (const pool of known.servicePools) {
    const driver = driverRef(r, u[pool], `fairness.usageDrivers.${pool}`, known);
    if (driver) usageDrivers[pool] = driver;
    else ok = false;
  }
  return ok ? { usageDrivers } : void 0;
}

// packages/model/src/scenario/read-key.ts
init_formula();

// packages/model/src/scenario/reader.ts
init_issue();

// packages/model/src/numeric/eigen.ts
function smallestEigenvalue(matrix) {
  return symmetricEigen(matrix).values.reduce((a, b) => Math.min(a, b), Infinity);
}
function symmetricEigen(matrix) {
  const n = matrix.length;
  const a = matrix.map((row2) => [...row2]);
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_2, j) => i === j ? 1 : 0));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = a[p][q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
  }
  return { values: a.map((row2, i) => row2[i]), vectors: v };
}

// packages/model/src/scenario/uncertainty.ts
var DISTRIBUTIONS = ["uniform", "triangular", "normal", "lognormal", "fixed"];
var CONFIDENCES = ["low", "medium", "high"];
function isObj2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function readUncertaintyFields(o, path, issue) {
  const out = {};
  if (o.confidence !== void 0) {
    if (typeof o.confidence === "string" && CONFIDENCES.includes(o.confidence))
      out.confidence = o.confidence;
    else issue("invalid_confidence", `${path}.confidence`, `confidence must be low, medium or high`);
  }
  if (o.distribution !== void 0) {
    if (typeof o.distribution === "string" && DISTRIBUTIONS.includes(o.distribution))
      out.distribution = o.distribution;
    else
      issue(
        "unknown_distribution",
        `${path}.distribution`,
        `distribution must be one of ${DISTRIBUTIONS.join(", ")}, got ${JSON.stringify(o.distribution) ?? String(o.distribution)}`
      );
  }
  return out;
}
function checkLeafUncertainty(leaf, issue) {
  const prov = leaf.provenance;
  const at = leaf.path;
  if (!prov.range) {
    if (prov.distribution === "lognormal" && !new Decimal(leaf.value).greaterThan(0))
      issue("invalid_distribution", `${at}.distribution`, "a lognormal distribution needs a value above zero");
    return;
  }
  const [lowText, highText] = prov.range;
  const low = new Decimal(lowText);
  const high = new Decimal(highText);
  const value = new Decimal(leaf.value);
  if (low.greaterThan(high)) {
    issue("invalid_range", `${at}.range`, `the low end ${lowText} lies above the high end ${highText}`);
    return;
  }
  if (value.lessThan(low) || value.greaterThan(high))
    issue(
      "value_outside_range",
      `${at}.range`,
      `the value ${leaf.value} lies outside its own range [${lowText}, ${highText}]`
    );
  const bounds = KIND_BOUNDS[leaf.kind ?? "rate"];
  if (bounds.min !== void 0 && low.lessThan(bounds.min) || bounds.max !== void 0 && high.greaterThan(bounds.max))
    issue("range_out_of_bounds", `${at}.range`, `the range [${lowText}, ${highText}] leaves ${bounds.what}`);
  if (prov.distribution === "lognormal" && !low.greaterThan(0))
    issue("invalid_distribution", `${at}.distribution`, "a lognormal distribution needs a range above zero");
}
var KIND_BOUNDS = {
  money: { min: 0, what: "the non-negative amounts" },
  count: { min: 0, what: "the non-negative counts" },
  ratio: { min: 0, max: 1, what: "the shares between 0 and 1" },
  rate: { what: "" }
};
function checkKeyUncertainty(key, issue) {
  if (key.provenance?.distribution)
    issue(
      "distribution_not_numeric",
      `${key.path}.distribution`,
      "a distribution belongs on a single number (a leaf { value, \u2026 }), not on a key"
    );
}
function scenarioLeaves(scenario) {
  const out = [];
  const series = (s) => {
    for (const e of s?.entries ?? []) if (e.value) out.push(e.value);
  };
  for (const d of Object.values(scenario.drivers)) for (const s of Object.values(d.values)) series(s);
  for (const p of scenario.pools) {
    series(p.cost);
    series(p.revenue);
    series(p.wageShare);
    series(p.vatTaxableShare);
  }
  series(scenario.indexation.wage);
  series(scenario.indexation.price);
  for (const g of scenario.gr.governance) {
    series(g.cost);
    series(g.wageShare);
  }
  for (const s of Object.values(scenario.gr.ownerCosts)) series(s);
  const c = scenario.centrumgemeente;
  if (c) {
    series(c.transitionYears);
    series(c.markup);
    series(c.efficiency);
    series(c.hostContractManagement);
    for (const s of Object.values(c.partnerContractManagement)) series(s);
    for (const leaf of Object.values(c.transitionCosts?.amounts ?? {})) out.push(leaf);
  }
  series(scenario.vat.rate);
  for (const s of Object.values(scenario.vat.bcfCompensable)) series(s);
  series(scenario.comparison.discountRate);
  return out;
}
function pathMatches(pattern, path) {
  return path === pattern || path.startsWith(`${pattern}.`) || path.startsWith(`${pattern}[`);
}
var MAX_CORRELATED_INPUTS = 500;
function readRho(value, path, issue) {
  const n = typeof value === "number" ? value : typeof value === "string" && isDecimalString(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < -1 || n > 1) {
    issue("invalid_correlation", path, `a correlation is a number between -1 and 1, got ${JSON.stringify(value)}`);
    return void 0;
  }
  return n;
}
function readUncertaintySection(raw, leaves, issue) {
  if (raw === void 0) return void 0;
  if (!isObj2(raw)) {
    issue("invalid_type", "uncertainty", "uncertainty must be a map { correlations: [...] }");
    return void 0;
  }
  for (const k of Object.keys(raw))
    if (k !== "correlations") issue("unknown_field", `uncertainty.${k}`, `unknown field "${k}" in uncertainty`);
  const groups = [];
  if (raw.correlations === void 0) return { correlations: [] };
  if (!Array.isArray(raw.correlations)) {
    issue("invalid_type", "uncertainty.correlations", "correlations must be a list of { inputs, rho | matrix }");
    return void 0;
  }
  let ok = true;
  const fail = (c, p, m) => {
    ok = false;
    issue(c, p, m);
  };
  raw.correlations.forEach((g, i) => {
    const group = readCorrelationGroup(g, `uncertainty.correlations[${i}]`, leaves, fail);
    if (group) groups.push(group);
  });
  if (!ok) return void 0;
  const assembled = assembleCorrelation(
    groups,
    leaves.map((l) => l.path)
  );
  if ("issue" in assembled) {
    issue(assembled.issue.code, assembled.issue.path, assembled.issue.message);
    return void 0;
  }
  return { correlations: groups };
}
function readCorrelationGroup(g, at, leaves, fail) {
  if (!isObj2(g)) return void fail("invalid_type", at, "a correlation is a map { inputs, rho | matrix, note }");
  for (const k of Object.keys(g))
    if (!["inputs", "rho", "matrix", "note"].includes(k)) fail("unknown_field", `${at}.${k}`, `unknown field "${k}"`);
  if (!Array.isArray(g.inputs) || g.inputs.length < 1 || !g.inputs.every((x) => typeof x === "string"))
    return void fail("invalid_type", `${at}.inputs`, "inputs must be a list of input paths (or prefixes)");
  const inputs = g.inputs;
  inputs.forEach((p, j) => {
    if (!leaves.some((l) => pathMatches(p, l.path)))
      fail(
        "unknown_input",
        `${at}.inputs[${j}]`,
        `no number at "${p}" (give a leaf path such as indexation.wage.2023-01-01)`
      );
  });
  const known = inputs.every((p) => leaves.some((l) => pathMatches(p, l.path)));
  if (known && leaves.filter((l) => inputs.some((p) => pathMatches(p, l.path))).length < 2)
    fail("invalid_correlation", `${at}.inputs`, "a correlation needs at least two numbers");
  if (typeof g.note !== "string" || g.note.trim() === "")
    fail("missing_provenance", `${at}.note`, "a correlation is an assumption: give its basis in a note");
  if (g.rho === void 0 === (g.matrix === void 0))
    return void fail("invalid_correlation", at, "give either rho (one correlation for every pair) or matrix");
  let rho;
  let matrix;
  if (g.rho !== void 0) rho = readRho(g.rho, `${at}.rho`, fail);
  else {
    matrix = readMatrix(g.matrix, at, inputs.length, fail);
    if (!matrix) return void 0;
  }
  return {
    path: at,
    inputs,
    ...rho !== void 0 ? { rho } : {},
    ...matrix ? { matrix } : {},
    ...typeof g.note === "string" ? { note: g.note } : {}
  };
}
function readMatrix(m, at, size, fail) {
  if (!Array.isArray(m) || m.length !== size || !m.every((row2) => Array.isArray(row2) && row2.length === size))
    return void fail("invalid_correlation", `${at}.matrix`, `matrix must be ${size} \xD7 ${size}, one row per input`);
  const matrix = m.map(
    (row2, a) => row2.map((x, b) => readRho(x, `${at}.matrix[${a}][${b}]`, fail) ?? 0)
  );
  for (let a = 0; a < matrix.length; a++) {
    if (matrix[a][a] !== 1)
      fail("invalid_correlation", `${at}.matrix[${a}][${a}]`, "the diagonal of a correlation matrix is 1");
    for (let b = 0; b < a; b++)
      if (matrix[a][b] !== matrix[b][a])
        fail("invalid_correlation", `${at}.matrix[${a}][${b}]`, "a correlation matrix is symmetric");
  }
  return matrix;
}
function assembleCorrelation(groups, leafPaths) {
  const index = /* @__PURE__ */ new Map();
  const paths = [];
  const expanded = groups.map(
    (g) => g.inputs.map((pattern) => {
      const hits = leafPaths.filter((p) => pathMatches(pattern, p));
      for (const h of hits)
        if (!index.has(h)) {
          index.set(h, paths.length);
          paths.push(h);
        }
      return hits;
    })
  );
  if (paths.length > MAX_CORRELATED_INPUTS)
    return {
      issue: {
        code: "too_many_correlated_inputs",
        path: "uncertainty.correlations",
        message: `at most ${MAX_CORRELATED_INPUTS} correlated inputs (the check of the matrix grows with the cube of its size)`
      }
    };
  const n = paths.length;
  const m = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_2, j) => i === j ? 1 : 0));
  const set = new Array(n * n).fill(false);
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi];
    const ex = expanded[gi];
    for (let a = 0; a < ex.length; a++)
      for (let b = 0; b < ex.length; b++) {
        const r = g.rho !== void 0 ? a === b ? g.rho : g.rho : g.matrix[a][b];
        for (const pa of ex[a])
          for (const pb of ex[b]) {
            if (pa === pb) continue;
            const i = index.get(pa);
            const j = index.get(pb);
            if (set[i * n + j] && m[i][j] !== r)
              return {
                issue: {
                  code: "conflicting_correlation",
                  path: g.path,
                  message: `${pa} and ${pb} are given two different correlations`
                }
              };
            m[i][j] = r;
            set[i * n + j] = true;
          }
      }
  }
  const smallest = smallestEigenvalue(m);
  if (smallest < -1e-9)
    return {
      issue: {
        code: "not_positive_semidefinite",
        path: "uncertainty.correlations",
        message: `the correlations cannot hold together: the matrix is not positive semi-definite (smallest eigenvalue ${smallest.toPrecision(3)})`
      }
    };
  return { paths, matrix: m };
}

// packages/model/src/scenario/reader.ts
var LEAF_FIELDS = [
  "value",
  "basis",
  "source",
  "note",
  "confidence",
  "range",
  "distribution",
  "checkedOn",
  "unit",
  "label"
];
function isObj3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var Reader = class {
  /** Sources by id, which leaves may name; set once the sources section is read. */
  sources = {};
  out;
  constructor(file) {
    this.out = new IssueCollector(file);
  }
  get issues() {
    return this.out.issues;
  }
  issue(code, path, message, severity = "error") {
    this.out.add(code, path, message, severity);
  }
  /** Remove the unknown_field warning at `path` (when an error about the same field replaces it). */
  dropWarning(path) {
    this.out.drop("unknown_field", path);
  }
  object(value, path, allowed2) {
    if (!isObj3(value)) {
      this.issue("invalid_type", path, `expected a map, got ${describe(value)}`);
      return void 0;
    }
    for (const key of Object.keys(value)) {
      if (!allowed2.includes(key) && !FORBIDDEN_KEYS.has(key))
        this.issue("unknown_field", join(path, key), `unknown field "${key}" is ignored`, "warning");
    }
    return value;
  }
  string(value, path, required = true) {
    if (value === void 0 && !required) return void 0;
    if (typeof value !== "string" || value.trim() === "") {
      this.issue(
        value === void 0 ? "required" : "invalid_type",
        path,
        value === void 0 ? "is required" : `expected text, got ${describe(value)}`
      );
      return void 0;
    }
    return value;
  }
  id(value, path) {
    const id = this.string(value, path);
    if (id !== void 0 && !ID_PATTERN.test(id)) {
      this.issue("invalid_id", path, `"${id}" is not a valid id (letters, digits, - and _)`);
      return void 0;
    }
    return id;
  }
  text(value, path, fallback) {
    if (value === void 0) return { nl: fallback, en: fallback };
    if (typeof value === "string") return { nl: value, en: value };
    const o = this.object(value, path, ["nl", "en"]);
    if (!o) return { nl: fallback, en: fallback };
    const nl = typeof o.nl === "string" ? o.nl : typeof o.en === "string" ? o.en : fallback;
    const en = typeof o.en === "string" ? o.en : nl;
    return { nl, en };
  }
  /** A plain number written as text (no provenance needed), e.g. comparison.tolerance. */
  plainNumber(value, path, kind) {
    if (typeof value === "number") {
      if (kind === "money") {
        this.issue(
          "money_not_string",
          path,
          `money must be a decimal string ("${value}"), not a number: floats lose cents`
        );
        return void 0;
      }
      if (!Number.isFinite(value)) {
        this.issue("invalid_number", path, `${value} is not a number`);
        return void 0;
      }
      return String(value);
    }
    if (typeof value !== "string" || !isDecimalString(value)) {
      this.issue("invalid_number", path, `expected a decimal number as text, got ${describe(value)}`);
      return void 0;
    }
    const text = value.trim();
    if (text.startsWith("-") && Number(text) !== 0 && kind !== "rate") {
      this.issue("negative_value", path, `${text} is negative`);
      return void 0;
    }
    if (kind === "ratio" && Number(text) > 1) {
      this.issue("out_of_range", path, `${text} is a share and must lie between 0 and 1`);
      return void 0;
    }
    return text;
  }
  provenance(o, path, what) {
    const basis = o.basis;
    if (basis === void 0) {
      this.issue(
        "missing_provenance",
        path,
        `${what} has no provenance: add basis (measured | derived | estimate) with a source or a note`
      );
      return void 0;
    }
    if (typeof basis !== "string" || !BASES.includes(basis)) {
      this.issue(
        "invalid_basis",
        join(path, "basis"),
        `basis must be measured, derived or estimate, got ${describe(basis)}`
      );
      return void 0;
    }
    const source = this.source(o.source, join(path, "source"));
    const note = typeof o.note === "string" && o.note.trim() !== "" ? o.note : void 0;
    if (o.note !== void 0 && typeof o.note !== "string")
      this.issue("invalid_type", join(path, "note"), "a note must be text");
    if (basis === "measured" && o.source === void 0)
      this.issue("missing_provenance", path, `${what} is marked measured but names no source`);
    if (basis === "estimate" && note === void 0)
      this.issue("missing_provenance", path, `${what} is an estimate without a note giving its basis`);
    if (basis === "derived" && o.source === void 0 && note === void 0)
      this.issue("missing_provenance", path, `${what} is derived but has neither a source nor a note saying how`);
    let range;
    if (o.range !== void 0) {
      if (Array.isArray(o.range) && o.range.length === 2 && o.range.every((r) => typeof r === "string" ? isDecimalString(r) : typeof r === "number"))
        range = [String(o.range[0]), String(o.range[1])];
      else this.issue("invalid_range", join(path, "range"), 'range must be a list of two numbers ["low", "high"]');
    }
    return {
      basis,
      ...source ? { source } : {},
      ...note ? { note } : {},
      ...range ? { range } : {},
      ...readUncertaintyFields(o, path, (c, p, m) => this.issue(c, p, m))
    };
  }
  source(value, path) {
    if (value === void 0) return void 0;
    if (typeof value === "string") {
      const known = this.sources[value];
      if (!known) {
        this.issue("unknown_source", path, `no source "${value}" in sources`);
        return void 0;
      }
      return { id: known.id, title: known.title, url: known.url };
    }
    const o = this.object(value, path, ["title", "url", "accessed"]);
    if (!o) return void 0;
    const title = this.string(o.title, join(path, "title"));
    const url = this.string(o.url, join(path, "url"));
    return title && url ? { title, url } : void 0;
  }
  /** A number with provenance. */
  leaf(value, path, kind, label2) {
    if (!isObj3(value) || !("value" in value)) {
      if (typeof value === "number" && kind === "money")
        this.issue(
          "money_not_string",
          path,
          `money must be a decimal string, not the number ${value}: floats lose cents`
        );
      this.issue(
        "missing_provenance",
        path,
        `${label2}: a number must be written as { value, basis, source | note }, got ${describe(value)}`
      );
      return void 0;
    }
    this.object(value, path, LEAF_FIELDS);
    const v = this.plainNumber(value.value, join(path, "value"), kind);
    const provenance = this.provenance(value, path, label2);
    if (value.checkedOn !== void 0 && !isIsoDate(value.checkedOn))
      this.issue(
        "invalid_date",
        join(path, "checkedOn"),
        `checkedOn must be a date YYYY-MM-DD, got ${describe(value.checkedOn)}`
      );
    if (v === void 0 || !provenance) return void 0;
    const leaf = {
      value: v,
      provenance,
      path,
      kind,
      ...typeof value.unit === "string" ? { unit: value.unit } : {}
    };
    checkLeafUncertainty(leaf, (c, p, m) => this.issue(c, p, m));
    return leaf;
  }
  /** A dated series: a map from ISO date to an entry (or null, which ends the value). */
  series(value, path, entry) {
    if (!isObj3(value)) {
      this.issue(
        "invalid_type",
        path,
        `expected a dated series (a map from dates such as 2021-01-01 to values), got ${describe(value)}`
      );
      return void 0;
    }
    const entries = [];
    let ok = true;
    for (const [date, v] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(date)) continue;
      const p = join(path, date);
      if (!isIsoDate(date)) {
        this.issue("invalid_date", p, `"${date}" is not a date YYYY-MM-DD`);
        ok = false;
        continue;
      }
      if (v === null) {
        entries.push({ from: date, value: null });
        continue;
      }
      const parsed = entry(v, p);
      if (parsed === void 0) ok = false;
      else entries.push({ from: date, value: parsed });
    }
    if (Object.keys(value).length === 0) {
      this.issue("empty_series", path, "a dated series needs at least one dated value");
      ok = false;
    }
    entries.sort((a, b) => a.from < b.from ? -1 : a.from > b.from ? 1 : 0);
    return ok ? { path, entries } : void 0;
  }
  leafSeries(value, path, kind, label2) {
    return this.series(value, path, (v, p) => this.leaf(v, p, kind, label2));
  }
  optionalLeafSeries(value, path, kind, label2) {
    return value === void 0 ? void 0 : this.leafSeries(value, path, kind, label2);
  }
};
function join(path, ...parts) {
  return [path, ...parts].filter((p) => p !== "").join(".");
}
function describe(value) {
  if (value === void 0) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return `"${value.length > 40 ? value.slice(0, 40) + "\u2026" : value}"`;
  return String(value);
}
function findForbiddenKeys(value, path, out) {
  if (Array.isArray(value)) value.forEach((v, i) => findForbiddenKeys(v, `${path}[${i}]`, out));
  else if (isObj3(value)) {
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) out.issue("forbidden_key", join(path, key), `the key "${key}" is not allowed`);
      else findForbiddenKeys(value[key], join(path, key), out);
    }
  }
}

// packages/model/src/scenario/read-key.ts
var PROVENANCE_FIELDS = ["basis", "source", "note", "confidence", "checkedOn", "range", "distribution", "label"];
function keyProvenance({ r, value, path, covered }, hasNumbers) {
  const type = String(value.type);
  if (value.basis !== void 0) return r.provenance(value, path, `the ${type} key`) ?? false;
  if (hasNumbers && !covered) {
    r.issue(
      "missing_provenance",
      path,
      `the ${type} key contains numbers but has no provenance (basis with source or note)`
    );
    return false;
  }
  return void 0;
}
function withPath(path, p) {
  return { path, ...p ? { provenance: p } : {} };
}
function readFixed(k) {
  const { r, value, path } = k;
  r.object(value, path, ["type", "shares", ...PROVENANCE_FIELDS]);
  const sharesRaw = value.shares;
  const shares = {};
  let ok = true;
  if (!isObj3(sharesRaw) || Object.keys(sharesRaw).length === 0) {
    r.issue("invalid_key", join(path, "shares"), 'a fixed key needs shares: { recipient: "percentage", \u2026 }');
    ok = false;
  } else {
    for (const [id, share] of Object.entries(sharesRaw)) {
      if (FORBIDDEN_KEYS.has(id)) continue;
      const s = r.plainNumber(share, join(path, "shares", id), "count");
      if (s === void 0) ok = false;
      else shares[id] = s;
    }
    if (ok && Object.values(shares).every((s) => Number(s) === 0)) {
      r.issue("driver_total_zero", join(path, "shares"), "the shares sum to zero");
      ok = false;
    }
  }
  const p = keyProvenance(k, true);
  if (!ok || p === false) return void 0;
  return { type: "fixed", shares, ...withPath(path, p) };
}
function readDriverKey(k, type) {
  const { r, value, path, covered } = k;
  r.object(value, path, [
    "type",
    "driver",
    ...type === "price-quantity" ? ["price", "settlement"] : [],
    ...PROVENANCE_FIELDS
  ]);
  const driver = r.string(value.driver, join(path, "driver"));
  let price;
  let settlement;
  let ok = driver !== void 0;
  if (type === "price-quantity") {
    if (value.price !== void 0) {
      price = r.plainNumber(value.price, join(path, "price"), "money");
      if (price === void 0) ok = false;
    }
    if (value.settlement !== void 0) {
      settlement = readKey(r, value.settlement, join(path, "settlement"), covered || value.basis !== void 0);
      if (!settlement) ok = false;
    }
  }
  const p = keyProvenance(k, price !== void 0);
  if (!ok || p === false) return void 0;
  return type === "driver" ? { type, driver, ...withPath(path, p) } : {
    type,
    driver,
    ...price ? { price } : {},
    ...settlement ? { settlement } : {},
    ...withPath(path, p)
  };
}
function readEven(k) {
  k.r.object(k.value, k.path, ["type", ...PROVENANCE_FIELDS]);
  const p = keyProvenance(k, false);
  return p === false ? void 0 : { type: "even", ...withPath(k.path, p) };
}
function readBasePlusUsage(k) {
  const { r, value, path, covered } = k;
  r.object(value, path, ["type", "baseShare", "base", "usage", ...PROVENANCE_FIELDS]);
  const inner = covered || value.basis !== void 0;
  const baseShare = r.plainNumber(value.baseShare, join(path, "baseShare"), "ratio");
  const b = readKey(r, value.base, join(path, "base"), inner);
  const u = readKey(r, value.usage, join(path, "usage"), inner);
  const p = keyProvenance(k, true);
  if (baseShare === void 0 || !b || !u || p === false) return void 0;
  return { type: "base-plus-usage", baseShare, base: b, usage: u, ...withPath(path, p) };
}
function readFormula(k) {
  const { r, value, path } = k;
  r.object(value, path, ["type", "expression", ...PROVENANCE_FIELDS]);
  const expression = r.string(value.expression, join(path, "expression"));
  if (expression === void 0) return void 0;
  const check = checkFormula(expression);
  if (!check.ok) {
    for (const i of check.issues) r.issue(i.code, join(path, "expression"), i.message);
    return void 0;
  }
  const p = keyProvenance(k, check.value.hasConstants);
  if (p === false) return void 0;
  return { type: "formula", expression, ...withPath(path, p) };
}
function readKey(r, value, path, covered = false) {
  if (!isObj3(value)) {
    r.issue("invalid_key", path, `expected a key such as { type: driver, driver: inwoners }, got ${describe(value)}`);
    return void 0;
  }
  const type = value.type;
  if (typeof type !== "string" || !KEY_TYPES.includes(type)) {
    r.issue(
      "invalid_key_type",
      join(path, "type"),
      `key type must be one of ${KEY_TYPES.join(", ")}, got ${describe(type)}`
    );
    return void 0;
  }
  const k = { r, value, path, covered };
  switch (type) {
    case "fixed":
      return readFixed(k);
    case "driver":
    case "price-quantity":
      return readDriverKey(k, type);
    case "even":
      return readEven(k);
    case "base-plus-usage":
      return readBasePlusUsage(k);
    case "formula":
      return readFormula(k);
  }
}
function checkKeyReferences(key, s, r, poolId, participantsOnly = false) {
  const participantIds = new Set(s.participants.map((p) => p.id));
  const poolIds = new Set(s.pools.map((p) => p.id));
  const needDriver = (name, path) => {
    if (!s.drivers[name]) r.issue("unknown_driver", path, `no driver "${name}" in drivers`);
  };
  switch (key.type) {
    case "fixed":
      for (const rid of Object.keys(key.shares)) {
        const p = `${key.path}.shares.${rid}`;
        if (rid === poolId) r.issue("self_service", p, `pool "${rid}" cannot serve itself`);
        else if (participantsOnly ? !participantIds.has(rid) : !participantIds.has(rid) && !poolIds.has(rid))
          r.issue(
            "unknown_recipient",
            p,
            participantsOnly ? `no participant "${rid}"` : `"${rid}" is neither a participant nor a pool`
          );
      }
      break;
    case "driver":
      needDriver(key.driver, `${key.path}.driver`);
      break;
    case "price-quantity":
      needDriver(key.driver, `${key.path}.driver`);
      if (key.settlement) checkKeyReferences(key.settlement, s, r, poolId, participantsOnly);
      break;
    case "base-plus-usage":
      checkKeyReferences(key.base, s, r, poolId, participantsOnly);
      checkKeyReferences(key.usage, s, r, poolId, participantsOnly);
      break;
    case "formula": {
      const check = checkFormula(key.expression);
      if (check.ok) {
        for (const name of check.value.symbols)
          if (!s.drivers[name])
            r.issue("unknown_driver", `${key.path}.expression`, `the formula uses "${name}", which is not a driver`);
      }
      break;
    }
    case "even":
      break;
  }
}

// packages/model/src/scenario/validate.ts
var SCENARIO_FORMAT = "sp71-scenario/1";
var VARIANT_FORMAT = "sp71-scenario-variant/1";
var TOP_FIELDS = [
  "format",
  "id",
  "title",
  "description",
  "horizon",
  "referenceYear",
  "sources",
  "participants",
  "drivers",
  "pools",
  "allocation",
  "legalForm",
  "indexation",
  "gr",
  "centrumgemeente",
  "vat",
  "comparison",
  "uncertainty",
  "inHouse",
  "fairness",
  "variants"
];
var POOL_FIELDS = ["id", "name", "kind", "cost", "revenue", "wageShare", "vatTaxableShare", "key", "description"];
var CENTRUMGEMEENTE_FIELDS = [
  "host",
  "transitionYears",
  "markup",
  "efficiency",
  "hostContractManagement",
  "partnerContractManagement",
  "transitionCosts"
];
function keySeries(r, value, path) {
  return r.series(value, path, (v, p) => readKey(r, v, p));
}
function section(r, value, path, fields) {
  return value === void 0 ? {} : r.object(value, path, fields);
}
function openMap(r, value, path) {
  return r.object(value, path, Object.keys(isObj3(value) ? value : {}));
}
function readSources(r, value) {
  const sources = {};
  if (value === void 0) return sources;
  for (const [id, s] of Object.entries(openMap(r, value, "sources") ?? {})) {
    if (FORBIDDEN_KEYS.has(id)) continue;
    const so = r.object(s, `sources.${id}`, ["title", "url", "accessed", "note", "publisher"]);
    if (!so) continue;
    const title = r.string(so.title, `sources.${id}.title`);
    const url = r.string(so.url, `sources.${id}.url`);
    if (so.accessed !== void 0 && !isIsoDate(so.accessed) && !(so.accessed instanceof Date))
      r.issue("invalid_date", `sources.${id}.accessed`, `accessed must be a date YYYY-MM-DD`);
    if (title && url)
      sources[id] = { id, title, url, ...typeof so.accessed === "string" ? { accessed: so.accessed } : {} };
  }
  return sources;
}
function readYears(r, raw) {
  let horizon = { from: 0, to: -1 };
  const h = r.object(raw.horizon, "horizon", ["from", "to"]);
  if (h) {
    const from = h.from, to = h.to;
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || from < 1900 || to > 2200)
      r.issue("invalid_horizon", "horizon", "horizon needs whole years from \u2264 to, e.g. { from: 2021, to: 2030 }");
    else horizon = { from, to };
  }
  let referenceYear = horizon.from;
  if (raw.referenceYear !== void 0) {
    if (!Number.isInteger(raw.referenceYear)) r.issue("invalid_type", "referenceYear", "referenceYear must be a year");
    else referenceYear = raw.referenceYear;
  }
  if (horizon.to >= horizon.from && (referenceYear < horizon.from || referenceYear > horizon.to))
    r.issue(
      "out_of_range",
      "referenceYear",
      `referenceYear ${referenceYear} lies outside the horizon ${horizon.from}\u2013${horizon.to}`
    );
  return { horizon, referenceYear };
}
function readParticipants(r, value) {
  const participants = [];
  if (!Array.isArray(value) || value.length === 0) {
    r.issue("required", "participants", "a scenario needs a list of participants");
    return participants;
  }
  value.forEach((p, i) => {
    const path = `participants[${i}]`;
    const o = r.object(p, path, ["id", "name", "cbsCode", "role"]);
    if (!o) return;
    const pid = r.id(o.id, `${path}.id`);
    if (pid === void 0) return;
    if (participants.some((q) => q.id === pid)) {
      r.issue("duplicate_id", `${path}.id`, `participant "${pid}" appears twice`);
      return;
    }
    participants.push({
      id: pid,
      name: typeof o.name === "string" ? o.name : pid,
      ...typeof o.cbsCode === "string" ? { cbsCode: o.cbsCode } : {}
    });
  });
  return participants;
}
function readPoolIds(r, rawPools, participantIds) {
  const poolIds = /* @__PURE__ */ new Set();
  const poolPaths = [];
  rawPools.forEach((p, i) => {
    const pid = isObj3(p) && typeof p.id === "string" ? p.id : void 0;
    if (pid !== void 0 && poolIds.has(pid)) r.issue("duplicate_id", `pools[${i}].id`, `pool "${pid}" appears twice`);
    if (pid !== void 0 && participantIds.has(pid))
      r.issue("duplicate_id", `pools[${i}].id`, `"${pid}" is both a participant and a pool`);
    if (pid !== void 0) poolIds.add(pid);
    poolPaths.push(pid !== void 0 && ID_PATTERN.test(pid) ? `pools[id=${pid}]` : `pools[${i}]`);
  });
  return { poolIds, poolPaths };
}
function readDriver(r, name, d, recipients) {
  const path = `drivers.${name}`;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    r.issue("invalid_id", path, `driver name "${name}" must be a word (letters, digits, _) so formulas can use it`);
    return void 0;
  }
  const o = r.object(d, path, ["label", "unit", "values", "description"]);
  if (!o) return void 0;
  const values = {};
  const vo = r.object(o.values, `${path}.values`, [...recipients]);
  for (const [rid, s] of Object.entries(vo ?? {})) {
    if (FORBIDDEN_KEYS.has(rid)) continue;
    if (!recipients.has(rid)) {
      r.dropWarning(`${path}.values.${rid}`);
      r.issue("unknown_recipient", `${path}.values.${rid}`, `"${rid}" is neither a participant nor a pool`);
      continue;
    }
    const series = r.leafSeries(s, `${path}.values.${rid}`, "count", `driver ${name} for ${rid}`);
    if (series) values[rid] = series;
  }
  return {
    id: name,
    label: r.text(o.label, `${path}.label`, name),
    ...typeof o.unit === "string" ? { unit: o.unit } : {},
    values
  };
}
function readDrivers(r, value, known, hasParticipants) {
  const drivers = {};
  const recipients = /* @__PURE__ */ new Set([...known.participantIds, ...known.poolIds]);
  const dr = value === void 0 ? {} : openMap(r, value, "drivers");
  for (const [name, d] of Object.entries(dr ?? {})) {
    if (FORBIDDEN_KEYS.has(name)) continue;
    const driver = readDriver(r, name, d, recipients);
    if (driver) drivers[name] = driver;
  }
  if (hasParticipants && !drivers.inwoners && !(isObj3(value) && "inwoners" in value))
    r.issue(
      "required",
      "drivers.inwoners",
      "the driver inwoners (inhabitants) is required: it gives euros per inhabitant"
    );
  return drivers;
}
function readPool(r, p, path, i) {
  const o = r.object(p, path, POOL_FIELDS);
  if (!o) return void 0;
  const pid = r.id(o.id, `${path}.id`);
  const kind = o.kind ?? "service";
  if (kind !== "service" && kind !== "support")
    r.issue("invalid_value", `${path}.kind`, `kind must be service or support, got ${describe(kind)}`);
  const what = `pool ${pid ?? i}`;
  const cost = r.leafSeries(o.cost, `${path}.cost`, "money", `cost of ${what}`);
  const revenue = r.optionalLeafSeries(o.revenue, `${path}.revenue`, "money", `revenue of ${what}`);
  const wageShare = r.optionalLeafSeries(o.wageShare, `${path}.wageShare`, "ratio", `wage share of ${what}`);
  const vatTaxableShare = r.optionalLeafSeries(
    o.vatTaxableShare,
    `${path}.vatTaxableShare`,
    "ratio",
    `VAT-taxable share of ${what}`
  );
  const key = o.key === void 0 ? (r.issue("required", `${path}.key`, "a pool needs a key"), void 0) : keySeries(r, o.key, `${path}.key`);
  if (!pid || !cost || !key || kind !== "service" && kind !== "support") return void 0;
  return {
    id: pid,
    name: typeof o.name === "string" ? o.name : pid,
    kind,
    cost,
    key,
    ...revenue ? { revenue } : {},
    ...wageShare ? { wageShare } : {},
    ...vatTaxableShare ? { vatTaxableShare } : {}
  };
}
function readOrder(r, value, p, poolIds) {
  if (!Array.isArray(value) || !value.every((x) => typeof x === "string")) {
    r.issue("invalid_order", `${p}.order`, "order must be a list of pool ids");
    return void 0;
  }
  const order = value;
  const seen = /* @__PURE__ */ new Set();
  for (const [j, x] of order.entries()) {
    if (!poolIds.has(x)) r.issue("unknown_pool", `${p}.order[${j}]`, `no pool "${x}"`);
    if (seen.has(x)) r.issue("duplicate_id", `${p}.order[${j}]`, `pool "${x}" appears twice in the order`);
    seen.add(x);
  }
  for (const pid of poolIds)
    if (!seen.has(pid)) r.issue("incomplete_order", `${p}.order`, `the step-down order omits pool "${pid}"`);
  return order;
}
function readAllocation(r, value, poolIds) {
  if (value === void 0)
    return { path: "allocation", entries: [{ from: "1900-01-01", value: { method: "direct" } }] };
  return r.series(value, "allocation", (v, p) => {
    const o = r.object(v, p, ["method", "order", "rationale", "note"]);
    if (!o) return void 0;
    if (typeof o.method !== "string" || !METHOD_IDS.includes(o.method)) {
      r.issue(
        "unknown_method",
        `${p}.method`,
        `method must be one of ${METHOD_IDS.join(", ")}, got ${describe(o.method)}`
      );
      return void 0;
    }
    if (o.order === void 0) return { method: o.method };
    const order = readOrder(r, o.order, p, poolIds);
    if (order === void 0) return void 0;
    return { method: o.method, order };
  });
}
function readLegalForm(r, value) {
  if (value === void 0) return { path: "legalForm", entries: [{ from: "1900-01-01", value: "gr" }] };
  return r.series(value, "legalForm", (v, p) => {
    const form = isObj3(v) ? v.value : v;
    if (isObj3(v)) r.object(v, p, [...LEAF_FIELDS, "rationale"]);
    if (form !== "gr" && form !== "centrumgemeente") {
      r.issue("invalid_value", p, `legal form must be gr or centrumgemeente, got ${describe(form)}`);
      return void 0;
    }
    return form;
  });
}
function readIndexation(r, value) {
  const ix = section(r, value, "indexation", ["wage", "price"]);
  const wage = r.optionalLeafSeries(ix?.wage, "indexation.wage", "rate", "wage index");
  const price = r.optionalLeafSeries(ix?.price, "indexation.price", "rate", "price index");
  return { ...wage ? { wage } : {}, ...price ? { price } : {} };
}
function participantMap(r, value, path, kind, label2, participantIds, only = participantIds) {
  const out = {};
  if (value === void 0) return out;
  const o = r.object(value, path, [...only]);
  for (const [pid, s] of Object.entries(o ?? {})) {
    if (FORBIDDEN_KEYS.has(pid)) continue;
    if (!participantIds.has(pid)) {
      r.dropWarning(`${path}.${pid}`);
      r.issue("unknown_participant", `${path}.${pid}`, `no participant "${pid}"`);
      continue;
    }
    const series = r.leafSeries(s, `${path}.${pid}`, kind, `${label2} for ${pid}`);
    if (series) out[pid] = series;
  }
  return out;
}
function readGovernance(r, value) {
  const governance = [];
  if (value === void 0) return governance;
  if (!Array.isArray(value)) {
    r.issue("invalid_type", "gr.governance", "governance must be a list of items");
    return governance;
  }
  value.forEach((g, i) => {
    const gid = isObj3(g) && typeof g.id === "string" ? g.id : void 0;
    const path = gid ? `gr.governance[id=${gid}]` : `gr.governance[${i}]`;
    const o = r.object(g, path, ["id", "label", "cost", "wageShare", "description"]);
    if (!o) return;
    const id = r.id(o.id, `${path}.id`);
    if (id && governance.some((x) => x.id === id))
      r.issue("duplicate_id", `${path}.id`, `governance item "${id}" appears twice`);
    const cost = r.leafSeries(o.cost, `${path}.cost`, "money", `governance cost ${id ?? i}`);
    const ws = r.optionalLeafSeries(o.wageShare, `${path}.wageShare`, "ratio", `wage share of ${id ?? i}`);
    if (id && cost)
      governance.push({
        id,
        label: typeof o.label === "string" ? o.label : id,
        cost,
        ...ws ? { wageShare: ws } : {}
      });
  });
  return governance;
}
function readGr(r, value, known) {
  const go = section(r, value, "gr", ["governance", "governanceKey", "ownerCosts"]);
  const governance = readGovernance(r, go?.governance);
  const governanceKey = go?.governanceKey === void 0 ? void 0 : keySeries(r, go.governanceKey, "gr.governanceKey");
  if (governance.length > 0 && go?.governanceKey === void 0)
    r.issue(
      "required",
      "gr.governanceKey",
      "GR governance costs need a governanceKey to divide them over the participants"
    );
  const ownerCosts = participantMap(r, go?.ownerCosts, "gr.ownerCosts", "money", "owner costs", known.participantIds);
  return { governance, ownerCosts, ...governanceKey ? { governanceKey } : {} };
}
function readTransitionCosts(r, value) {
  const path = "centrumgemeente.transitionCosts";
  const to = r.object(value, path, ["amounts", "key", "description"]);
  if (!to) return void 0;
  const amounts = {};
  for (const [year, leafRaw] of Object.entries(openMap(r, to.amounts, `${path}.amounts`) ?? {})) {
    if (FORBIDDEN_KEYS.has(year)) continue;
    const p = `${path}.amounts.${year}`;
    if (!/^\d{4}$/.test(year)) {
      r.issue("invalid_year", p, `"${year}" is not a year`);
      continue;
    }
    const l = r.leaf(leafRaw, p, "money", `transition costs ${year}`);
    if (l) amounts[year] = l;
  }
  const key = to.key === void 0 ? void 0 : keySeries(r, to.key, `${path}.key`);
  if (to.key === void 0 && Object.keys(amounts).length > 0)
    r.issue("required", `${path}.key`, "transition costs need a key");
  return { amounts, ...key ? { key } : {} };
}
function readCentrumgemeente(r, value, known) {
  if (value === void 0) return void 0;
  const co = r.object(value, "centrumgemeente", CENTRUMGEMEENTE_FIELDS);
  if (!co) return void 0;
  const host = r.string(co.host, "centrumgemeente.host");
  if (host !== void 0 && !known.participantIds.has(host))
    r.issue("unknown_participant", "centrumgemeente.host", `no participant "${host}"`);
  const partners = new Set([...known.participantIds].filter((p) => p !== host));
  const transitionCosts2 = co.transitionCosts === void 0 ? void 0 : readTransitionCosts(r, co.transitionCosts);
  const seriesOpt = (field, kind, label2) => r.optionalLeafSeries(co[field], `centrumgemeente.${field}`, kind, label2);
  const transitionYears = seriesOpt("transitionYears", "count", "transition years");
  const markup = seriesOpt("markup", "count", "mark-up");
  const efficiency = seriesOpt("efficiency", "ratio", "efficiency");
  const hostContractManagement = seriesOpt("hostContractManagement", "money", "host contract management");
  const partnerContractManagement = participantMap(
    r,
    co.partnerContractManagement,
    "centrumgemeente.partnerContractManagement",
    "money",
    "contract management",
    known.participantIds,
    partners
  );
  if (!host) return void 0;
  return {
    host,
    partnerContractManagement,
    ...transitionYears ? { transitionYears } : {},
    ...markup ? { markup } : {},
    ...efficiency ? { efficiency } : {},
    ...hostContractManagement ? { hostContractManagement } : {},
    ...transitionCosts2 ? { transitionCosts: transitionCosts2 } : {}
  };
}
function readVat(r, value, known) {
  const vo = section(r, value, "vat", ["rate", "bcfCompensable"]);
  const rate = r.optionalLeafSeries(vo?.rate, "vat.rate", "ratio", "VAT rate");
  const bcfCompensable = participantMap(
    r,
    vo?.bcfCompensable,
    "vat.bcfCompensable",
    "ratio",
    "BCF-compensable share",
    known.participantIds
  );
  return { bcfCompensable, ...rate ? { rate } : {} };
}
function readComparison(r, value) {
  const cmp = section(r, value, "comparison", ["discountRate", "tolerance"]);
  const discountRate = r.optionalLeafSeries(cmp?.discountRate, "comparison.discountRate", "ratio", "discount rate");
  let tolerance = "0.00";
  if (cmp?.tolerance !== void 0) {
    const t = isObj3(cmp.tolerance) ? r.leaf(cmp.tolerance, "comparison.tolerance", "money", "tolerance")?.value : r.plainNumber(cmp.tolerance, "comparison.tolerance", "money");
    if (t !== void 0) tolerance = t;
  }
  return { tolerance, ...discountRate ? { discountRate } : {} };
}
function readInlineVariants(r, value, base) {
  const variants = [];
  if (value === void 0) return variants;
  if (!Array.isArray(value)) r.issue("invalid_type", "variants", "variants must be a list");
  else
    value.forEach((v, i) => {
      const parsed = readVariant(v, `variants[${i}]`, r, base);
      if (parsed) variants.push(parsed);
    });
  return variants;
}
function checkReferences(r, s) {
  for (const pool of s.pools) for (const e of pool.key.entries) if (e.value) checkKeyReferences(e.value, s, r, pool.id);
  for (const series of [s.gr.governanceKey, s.centrumgemeente?.transitionCosts?.key])
    for (const e of series?.entries ?? []) if (e.value) checkKeyReferences(e.value, s, r, void 0, true);
}
function readUncertainty(r, value, sections) {
  const issue = (c, p, m) => r.issue(c, p, m);
  const keys = [
    ...sections.pools.map((p) => p.key),
    sections.gr.governanceKey,
    sections.centrumgemeente?.transitionCosts?.key
  ];
  for (const s of keys) for (const e of s?.entries ?? []) if (e.value) checkKeyUncertainty(e.value, issue);
  return readUncertaintySection(value, scenarioLeaves(sections), issue);
}
function readInHouseSections(r, raw, participants, pools, drivers) {
  const known = {
    participants,
    servicePools: new Set(pools.filter((p) => p.kind === "service").map((p) => p.id)),
    drivers: new Set(Object.keys(drivers))
  };
  return {
    inHouse: raw.inHouse === void 0 ? void 0 : readInHouse(raw.inHouse, r, known),
    fairness: raw.fairness === void 0 ? void 0 : readFairness(raw.fairness, r, known)
  };
}
function validateStructure(raw, options = {}) {
  const r = new Reader(options.file);
  findForbiddenKeys(raw, "", r);
  if (!isObj3(raw)) {
    r.issue("invalid_type", "", `a scenario must be a map, got ${describe(raw)}`);
    return r.out.result(void 0);
  }
  r.sources = readSources(r, raw.sources);
  r.object(raw, "", TOP_FIELDS);
  if (raw.format !== void 0 && raw.format !== SCENARIO_FORMAT)
    r.issue("unknown_format", "format", `expected format ${SCENARIO_FORMAT}, got ${describe(raw.format)}`);
  const id = r.id(raw.id, "id");
  const title = r.text(raw.title, "title", id ?? "scenario");
  const description = typeof raw.description === "string" ? raw.description : void 0;
  const { horizon, referenceYear } = readYears(r, raw);
  const participants = readParticipants(r, raw.participants);
  const participantIds = new Set(participants.map((p) => p.id));
  const rawPools = Array.isArray(raw.pools) ? raw.pools : [];
  if (rawPools.length === 0) r.issue("required", "pools", "a scenario needs a list of pools");
  const { poolIds, poolPaths } = readPoolIds(r, rawPools, participantIds);
  const known = { participantIds, poolIds };
  const drivers = readDrivers(r, raw.drivers, known, participants.length > 0);
  const pools = rawPools.flatMap((p, i) => readPool(r, p, poolPaths[i], i) ?? []);
  const allocation = readAllocation(r, raw.allocation, poolIds);
  const legalForm = readLegalForm(r, raw.legalForm);
  const indexation = readIndexation(r, raw.indexation);
  const gr = readGr(r, raw.gr, known);
  const centrumgemeente = readCentrumgemeente(r, raw.centrumgemeente, known);
  if (legalForm?.entries.some((e) => e.value === "centrumgemeente") && raw.centrumgemeente === void 0)
    r.issue(
      "required",
      "centrumgemeente",
      "the legal form becomes centrumgemeente, so the centrumgemeente settings are required"
    );
  const vat = readVat(r, raw.vat, known);
  const comparison = readComparison(r, raw.comparison);
  const { inHouse, fairness } = readInHouseSections(r, raw, participantIds, pools, drivers);
  const variants = readInlineVariants(r, raw.variants, id);
  checkReferences(r, { participants, pools, drivers, gr, centrumgemeente });
  const uncertainty = readUncertainty(r, raw.uncertainty, {
    drivers,
    pools,
    indexation,
    gr,
    centrumgemeente,
    vat,
    comparison
  });
  if (!id || !allocation || !legalForm) return r.out.result(void 0);
  return r.out.result({
    id,
    title,
    ...description ? { description } : {},
    horizon,
    referenceYear,
    sources: r.sources,
    participants,
    drivers,
    pools,
    allocation,
    legalForm,
    indexation,
    gr,
    ...centrumgemeente ? { centrumgemeente } : {},
    vat,
    comparison,
    ...uncertainty ? { uncertainty } : {},
    ...inHouse ? { inHouse } : {},
    ...fairness ? { fairness } : {},
    variants,
    raw,
    variantId: null,
    lineage: [id],
    changeCount: 0
  });
}
function readUntil(r, co, p) {
  if (co.until === void 0) return void 0;
  if (!isIsoDate(co.until)) {
    r.issue("invalid_date", `${p}.until`, `"${String(co.until)}" is not a date YYYY-MM-DD`);
    return void 0;
  }
  if (co.from === void 0) {
    r.issue("required", `${p}.from`, "a change with until needs from: the date its value starts to hold");
    return void 0;
  }
  if (isIsoDate(co.from) && co.until <= co.from) {
    r.issue("out_of_range", `${p}.until`, `until (${co.until}) must lie after from (${co.from})`);
    return void 0;
  }
  return co.until;
}
function readVariant(value, path, r, defaultBase) {
  const o = r.object(value, path, ["format", "id", "title", "description", "base", "changes"]);
  if (!o) return void 0;
  if (o.format !== void 0 && o.format !== VARIANT_FORMAT)
    r.issue("unknown_format", join(path, "format"), `expected format ${VARIANT_FORMAT}, got ${describe(o.format)}`);
  const id = r.id(o.id, join(path, "id"));
  const base = o.base === void 0 ? defaultBase : r.id(o.base, join(path, "base"));
  if (base === void 0 && o.base === void 0) r.issue("required", join(path, "base"), "a variant names its base");
  const changes = [];
  if (!Array.isArray(o.changes))
    r.issue("required", join(path, "changes"), "a variant needs a list of changes (it may be empty: [])");
  else
    o.changes.forEach((c, i) => {
      const p = `${join(path, "changes")}[${i}]`;
      const co = r.object(c, p, ["set", "from", "until", "value", "rationale"]);
      if (!co) return;
      const set = r.string(co.set, `${p}.set`);
      if (co.from !== void 0 && !isIsoDate(co.from))
        r.issue("invalid_date", `${p}.from`, `"${String(co.from)}" is not a date YYYY-MM-DD`);
      const until = readUntil(r, co, p);
      if (!("value" in co)) r.issue("required", `${p}.value`, "a change needs a value");
      if (set === void 0) return;
      changes.push({
        set,
        value: co.value,
        ...typeof co.from === "string" && isIsoDate(co.from) ? { from: co.from } : {},
        ...until ? { until } : {},
        ...typeof co.rationale === "string" ? { rationale: co.rationale } : {}
      });
    });
  if (!id || !base) return void 0;
  return {
    id,
    title: r.text(o.title, join(path, "title"), id),
    base,
    changes,
    ...typeof o.description === "string" ? { description: o.description } : {}
  };
}
function validateVariant(raw, options = {}) {
  const r = new Reader(options.file);
  findForbiddenKeys(raw, "", r);
  const v = readVariant(raw, "", r, void 0);
  return r.out.result(v && { ...v, ...options.file ? { file: options.file } : {} });
}

// packages/model/src/legal-form/in-house-run.ts
function hasInHouseMembers(scenario) {
  return (scenario.inHouse?.members.length ?? 0) > 0;
}
function inHouseIn(scenario, year) {
  const members = scenario.inHouse?.members ?? [];
  return scenario.participants.map((p) => p.id).filter((id) => members.some((m) => m.participant === id && m.from <= yearDate(year)));
}
function row(run, participant, year) {
  return run.rows.find((r) => r.participant === participant && r.year === year);
}
function withComponents(base, form, components, pools) {
  const total = sum(COMPONENTS.map((c) => components[c]));
  const inhabitants2 = toDecimal(base.inhabitants ?? "0");
  return {
    ...base,
    legalForm: form,
    total: formatAmount(total),
    components: Object.fromEntries(COMPONENTS.map((c) => [c, formatAmount(components[c])])),
    pools,
    perInhabitant: inhabitants2.isZero() ? "0.00" : formatAmount(total.dividedBy(inhabitants2))
  };
}
var decimals = (r) => Object.fromEntries(COMPONENTS.map((c) => [c, toDecimal(r.components[c])]));
function sharedScenario(scenario, stay) {
  const settings = inHouseSettings(scenario);
  const ids = scenario.participants.map((p) => p.id);
  const sizes = new Map(ids.map((id) => [id, groupSize(scenario, [id], scenario.referenceYear, [])]));
  const exponent = leafAt(settings.exponent, scenario.referenceYear, "in-house scale exponent", []);
  const factor = sum(stay.map((id) => sizes.get(id))).dividedBy(sum(sizes.values())).pow(exponent);
  const host = [...stay].sort((a, b) => sizes.get(b).comparedTo(sizes.get(a)) || ids.indexOf(a) - ids.indexOf(b))[0];
  return validateStructure(restrictRaw(scenario.raw, stay, factor, host));
}
function runWithoutInHouse(scenario, plain) {
  const cleared = validateStructure({ ...scenario.raw, inHouse: { ...scenario.raw.inHouse, members: {} } });
  if (!cleared.ok) return cleared;
  return plain({
    ...cleared.value,
    variantId: scenario.variantId,
    lineage: scenario.lineage,
    changeCount: scenario.changeCount
  });
}
function sharedRunOf(scenario, plain, stay, shared) {
  const cacheKey = stay.join(",");
  const cached = shared.get(cacheKey);
  if (cached) return { ok: true, value: cached };
  const restricted = sharedScenario(scenario, stay);
  const result = restricted.ok ? plain(restricted.value) : restricted;
  if (result.ok) shared.set(cacheKey, result.value);
  return result;
}
function isFirstInHouseYear(ctx, id) {
  const member = ctx.settings.members.find((m) => m.participant === id);
  const { year, full } = ctx;
  return yearDate(year) === member.from || year === full.years[0] && member.from < yearDate(year);
}
function exitCosts(ctx, id, cost) {
  const { settings, full, year, stayRows, transfers } = ctx;
  const inputs = [];
  const friction = roundToCents(
    leafAt(settings.exitCosts.frictiekosten, year, "frictiekosten", inputs).times(cost.total)
  );
  const ict = roundToCents(
    leafAt(settings.exitCosts.ictDisentangling, year, "disentangling ICT", inputs).times(
      cost.services.get(settings.exitCosts.ictPool) ?? ZERO
    )
  );
  const before = row(full, id, year - 1) ?? row(full, id, year);
  const vergoeding = roundToCents(
    leafAt(settings.exitCosts.uittredingsvergoeding, year, "uittredingsvergoeding", inputs).times(
      toDecimal(before.components.service)
    )
  );
  if (stayRows.length > 0 && vergoeding.greaterThan(0)) {
    const weights = new Map(stayRows.map((r) => [r.participant, toDecimal(r.components.service).abs()]));
    for (const [pid, part] of allocateByWeights(vergoeding, weights))
      transfers.set(pid, (transfers.get(pid) ?? ZERO).plus(part));
  }
  return {
    transition: friction.plus(ict).plus(stayRows.length > 0 ? vergoeding : ZERO),
    costs: [friction, ict]
  };
}
function inHouseRow(ctx, id) {
  const { scenario, full, year } = ctx;
  const cost = inHouseCost(scenario, [id], year);
  const components = Object.fromEntries(COMPONENTS.map((c) => [c, ZERO]));
  components.service = cost.total;
  const costs = [cost.total];
  if (isFirstInHouseYear(ctx, id)) {
    const exit = exitCosts(ctx, id, cost);
    components.transition = exit.transition;
    costs.push(...exit.costs);
  }
  const pools = Object.fromEntries(scenario.pools.map((p) => [p.id, formatAmount(cost.services.get(p.id) ?? ZERO)]));
  return { row: withComponents(row(full, id, year), "inhouse", components, pools), costs };
}
function stayRow(r, transfers) {
  const received = transfers.get(r.participant);
  if (!received) return r;
  const components = decimals(r);
  components.transition = components.transition.minus(received);
  return withComponents(r, r.legalForm, components, { ...r.pools });
}
function yearWithInHouse(scenario, settings, full, year, away, sharedRun) {
  const ids = scenario.participants.map((p) => p.id);
  const stay = ids.filter((id) => !away.includes(id));
  const stayRows = stay.map((id) => ({
    ...row(sharedRun, id, year),
    inhabitants: row(full, id, year).inhabitants
  }));
  const ctx = { scenario, settings, full, year, stayRows, transfers: /* @__PURE__ */ new Map() };
  const rows = [];
  let costs = sharedRun ? toDecimal(sharedRun.reconciliation.find((r) => r.year === year).costs) : ZERO;
  for (const id of away) {
    const inHouse = inHouseRow(ctx, id);
    rows.push(inHouse.row);
    for (const c of inHouse.costs) costs = costs.plus(c);
  }
  rows.push(...stayRows.map((r) => stayRow(r, ctx.transfers)));
  const charged = sum(rows.map((r) => toDecimal(r.total)));
  return { rows, reconciliation: { year, costs: formatAmount(costs), charged: formatAmount(charged) } };
}
function reconciliationWarnings(reconciliation) {
  return reconciliation.filter((r) => r.costs !== r.charged).map((r) => ({
    code: "not_reconciled",
    path: `reconciliation.${r.year}`,
    message: `costs ${r.costs} \u2260 charged ${r.charged}`,
    severity: "warning"
  }));
}
function runWithInHouse(scenario, plain) {
  const settings = inHouseSettings(scenario);
  const full = runWithoutInHouse(scenario, plain);
  if (!full.ok) return full;
  const ids = scenario.participants.map((p) => p.id);
  const shared = /* @__PURE__ */ new Map();
  const issues = [];
  const rows = [];
  const reconciliation = [];
  for (const year of full.value.years) {
    const away = inHouseIn(scenario, year);
    if (away.length === 0) {
      rows.push(...full.value.rows.filter((r) => r.year === year));
      reconciliation.push(full.value.reconciliation.find((r) => r.year === year));
      continue;
    }
    const stay = ids.filter((id) => !away.includes(id));
    let sharedRun;
    if (stay.length > 0) {
      const result = sharedRunOf(scenario, plain, stay, shared);
      if (!result.ok) {
        issues.push(...result.issues);
        continue;
      }
      sharedRun = result.value;
    }
    const computed = yearWithInHouse(scenario, settings, full.value, year, away, sharedRun);
    rows.push(...computed.rows);
    reconciliation.push(computed.reconciliation);
  }
  if (issues.length > 0) return { ok: false, issues };
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => a.year - b.year || order.get(a.participant) - order.get(b.participant));
  const warnings = reconciliationWarnings(reconciliation);
  return { ok: true, value: { ...full.value, rows, reconciliation, warnings: [...full.value.warnings, ...warnings] } };
}

// packages/model/src/legal-form/run.ts
var computations = /* @__PURE__ */ new WeakMap();
function modelOf(scenario, method) {
  let byMethod = computations.get(scenario);
  if (!byMethod) computations.set(scenario, byMethod = /* @__PURE__ */ new Map());
  let model = byMethod.get(method ?? "");
  if (!model) byMethod.set(method ?? "", model = new ScenarioModel(scenario, method));
  return model;
}
function shareComputation(from, to) {
  const byMethod = computations.get(from);
  if (byMethod && !computations.has(to)) computations.set(to, byMethod);
}
function computeYears(scenario, options = {}) {
  const model = modelOf(scenario, options.method);
  const years2 = [];
  for (let y = scenario.horizon.from; y <= scenario.horizon.to; y++) years2.push(model.year(y));
  return { model, years: years2 };
}
function toRunResult(scenario, years2) {
  const rows = [];
  const reconciliation = [];
  for (const detail of years2) {
    for (const p of scenario.participants) {
      const d = detail.participants.get(p.id);
      const components = Object.fromEntries(COMPONENTS.map((c) => [c, formatAmount(d.components[c])]));
      const total = sum(COMPONENTS.map((c) => d.components[c]));
      const inhabitants2 = detail.inhabitants.get(p.id)?.value ?? ZERO;
      rows.push({
        participant: p.id,
        year: detail.year,
        legalForm: detail.legalForm,
        total: formatAmount(total),
        components,
        pools: Object.fromEntries(scenario.pools.map((pool) => [pool.id, formatAmount(d.pools.get(pool.id) ?? ZERO)])),
        perInhabitant: inhabitants2.isZero() ? "0.00" : formatAmount(total.dividedBy(inhabitants2)),
        inhabitants: inhabitants2.toString()
      });
    }
    reconciliation.push({
      year: detail.year,
      costs: formatAmount(detail.costs),
      charged: formatAmount(detail.charged)
    });
  }
  const warnings = [];
  for (const r of reconciliation)
    if (r.costs !== r.charged)
      warnings.push({
        code: "not_reconciled",
        path: `reconciliation.${r.year}`,
        message: `costs ${r.costs} \u2260 charged ${r.charged}`,
        severity: "warning"
      });
  return {
    scenarioId: scenario.lineage[0] ?? scenario.id,
    variantId: scenario.variantId,
    years: years2.map((y) => y.year),
    participants: scenario.participants.map((p) => ({ id: p.id, name: p.name })),
    rows,
    reconciliation,
    warnings,
    lineage: scenario.lineage,
    changeCount: scenario.changeCount,
    methods: years2.map((y) => ({ year: y.year, method: y.method }))
  };
}
function tryRunScenario(scenario, options = {}) {
  if (hasInHouseMembers(scenario)) {
    try {
      return runWithInHouse(scenario, (s) => tryRunPlain(s, options));
    } catch (error) {
      if (error instanceof InHouseError)
        return {
          ok: false,
          issues: [
            { code: "no_value_in_force", path: error.path, message: error.message.replace(/^\[model\] [^:]+: /, "") }
          ]
        };
      throw error;
    }
  }
  return tryRunPlain(scenario, options);
}
function tryRunPlain(scenario, options) {
  const { model, years: years2 } = computeYears(scenario, options);
  if (model.env.issues.length > 0) return { ok: false, issues: model.env.issues };
  return { ok: true, value: toRunResult(scenario, years2) };
}

// packages/model/src/scenario/variant.ts
init_issue();
function parsePath(path) {
  const segments = [];
  for (const part of path.split(".")) {
    const m = /^([A-Za-z0-9_-]+)(?:\[(?:id=([A-Za-z0-9_-]+)|(\d+))\])?$/.exec(part);
    if (!m || FORBIDDEN_KEYS.has(m[1]) || m[2] !== void 0 && FORBIDDEN_KEYS.has(m[2])) return void 0;
    segments.push({
      name: m[1],
      ...m[2] !== void 0 ? { select: { id: m[2] } } : m[3] !== void 0 ? { select: { index: Number(m[3]) } } : {}
    });
  }
  return segments.length > 0 ? segments : void 0;
}
function isObj4(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function clone(value) {
  return value === void 0 ? value : JSON.parse(JSON.stringify(value));
}
function applyChangesToRaw(raw, changes, path = "changes") {
  const data = clone(raw);
  const out = new IssueCollector();
  changes.forEach((change, i) => applyChange(data, change, `${path}[${i}].set`, out));
  return { raw: data, issues: out.issues };
}
var DONE = /* @__PURE__ */ Symbol("done");
function applyChange(data, change, where, out) {
  const segments = parsePath(change.set);
  if (!segments) {
    out.add("invalid_path", where, `"${change.set}" is not a path such as pools[id=ict].cost`);
    return;
  }
  let container = data;
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s];
    const last = s === segments.length - 1;
    if (!isObj4(container)) {
      const parent = segments.slice(0, s).map((x) => x.name).join(".");
      out.add("unknown_path", where, `"${change.set}": ${parent} is not a map`);
      return;
    }
    const next = seg.select ? stepIntoList(container, seg.name, seg.select, last, change, where, out) : stepIntoField(container, seg.name, s === 0, last, change, where, out);
    if (next === DONE) return;
    container = next;
  }
}
function stepIntoField(container, name, first, last, change, where, out) {
  if (last) {
    setField(container, name, change, where, out);
    return DONE;
  }
  if (container[name] === void 0) {
    if (first) {
      out.add("unknown_path", where, `"${change.set}": the scenario has no field "${name}"`);
      return DONE;
    }
    container[name] = {};
  }
  return container[name];
}
function stepIntoList(container, name, select, last, change, where, out) {
  const list = container[name];
  if (!Array.isArray(list)) {
    out.add("unknown_path", where, `"${change.set}": ${name} is not a list`);
    return DONE;
  }
  const index = "id" in select ? list.findIndex((x) => isObj4(x) && x.id === select.id) : select.index;
  if (index < 0 || index >= list.length) {
    if (last && "id" in select && change.from === void 0 && isObj4(change.value)) {
      list.push({ ...clone(change.value), id: select.id });
      return DONE;
    }
    const which = "id" in select ? `with id ${select.id}` : `at ${select.index}`;
    out.add("unknown_path", where, `"${change.set}": no element ${which} in ${name}`);
    return DONE;
  }
  if (!last) return list[index];
  if (change.from !== void 0) {
    out.add("not_dated", where, `"${change.set}" is a list element, not a dated series: drop "from"`);
    return DONE;
  }
  list[index] = "id" in select && isObj4(change.value) ? { ...clone(change.value), id: select.id } : clone(change.value);
  return DONE;
}
function inForce(series, date) {
  const dates = Object.keys(series).filter((d) => d <= date).sort();
  return dates.length === 0 ? void 0 : series[dates[dates.length - 1]];
}
function setField(container, name, change, where, out) {
  if (FORBIDDEN_KEYS.has(name)) return;
  if (change.from === void 0) {
    if (change.value === null || change.value === void 0) delete container[name];
    else container[name] = clone(change.value);
    return;
  }
  const current = container[name];
  if (current !== void 0 && (!isObj4(current) || !Object.keys(current).every((k) => DATE_PATTERN.test(k)))) {
    out.add(
      "not_dated",
      where,
      `"${change.set}" is not a dated series, so "from" cannot apply: replace it without "from"`
    );
    return;
  }
  const series = isObj4(current) ? { ...current } : {};
  const until = change.until;
  const restored = until === void 0 ? void 0 : inForce(series, until);
  for (const date of Object.keys(series))
    if (date >= change.from && (until === void 0 || date < until)) delete series[date];
  series[change.from] = clone(change.value);
  if (until !== void 0 && !(until in series)) series[until] = restored === void 0 ? null : clone(restored);
  container[name] = Object.fromEntries(Object.entries(series).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}

// packages/model/src/facade/load.ts
function withFile(issues, file) {
  return issues.map((i) => file && !i.file ? { ...i, file } : i);
}
function validateScenario(raw, options = {}) {
  const structure = validateStructure(raw, options);
  if (!structure.ok) return structure;
  const { model } = computeYears(structure.value);
  if (model.env.issues.length > 0) return { ok: false, issues: withFile(model.env.issues, options.file) };
  if (hasInHouseMembers(structure.value)) {
    const run = tryRunScenario(structure.value);
    if (!run.ok) return { ok: false, issues: withFile(run.issues, options.file) };
  }
  return structure;
}
function loadScenarioFromTexts(texts2, options = {}) {
  const file = texts2.file ?? "scenario.yaml";
  const parsed = parseScenarioText(texts2.scenario, file);
  const issues = [];
  const variants = [];
  for (const [name, text] of Object.entries(texts2.variants ?? {})) {
    const p = parseScenarioText(text, name);
    if (!p.ok) {
      for (const issue of p.issues) issues.push(issue);
      continue;
    }
    const v = validateVariant(p.value, { file: name });
    if (!v.ok) for (const issue of withPositions(v.issues, text, name)) issues.push(issue);
    else variants.push(v.value);
  }
  if (!parsed.ok) return { ok: false, issues: [...parsed.issues, ...issues] };
  const base = validateScenario(parsed.value, { file });
  if (!base.ok) return { ok: false, issues: [...withPositions(base.issues, texts2.scenario, file), ...issues] };
  const all = [...base.value.variants, ...variants];
  const seen = /* @__PURE__ */ new Set();
  for (const v of all) {
    if (seen.has(v.id) || v.id === base.value.id)
      issues.push({
        code: "duplicate_id",
        path: "id",
        message: `variant id "${v.id}" is used twice`,
        ...v.file ? { file: v.file } : {}
      });
    seen.add(v.id);
  }
  if (issues.length > 0) return { ok: false, issues };
  const scenario = { ...base.value, variants: all };
  shareComputation(base.value, scenario);
  const resolved = /* @__PURE__ */ new Map();
  const checked = options.dryRunVariants ? new Set(options.dryRunVariants) : void 0;
  for (const v of all) {
    if (checked && !checked.has(v.id)) continue;
    const r = resolveChain(scenario, v.id, {}, resolved);
    if (!r.ok) {
      const located = r.issues.map(
        (i) => i.file ? i : { ...i, file: v.file ?? file, path: i.path ? i.path : `variants[id=${v.id}]` }
      );
      const variantText = v.file ? texts2.variants?.[v.file] : void 0;
      issues.push(
        ...located.map(
          (i) => variantText !== void 0 && i.file === v.file ? withPositions([i], variantText)[0] : !v.file && i.path.startsWith("variants[") ? withPositions([i], texts2.scenario)[0] : i
        )
      );
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: scenario, ...base.warnings ? { warnings: base.warnings } : {} };
}
function variantChain(scenario, variantId) {
  const baseId = scenario.lineage[0] ?? scenario.id;
  const chain = [];
  let id = variantId;
  let child;
  while (id !== baseId) {
    const v = scenario.variants.find((x) => x.id === id);
    if (!v && child)
      return {
        ok: false,
        issues: [
          {
            code: "unknown_base",
            path: "base",
            message: `the base "${id}" of variant "${child.id}" is neither the baseline (${baseId}) nor a variant (known: ${scenario.variants.map((x) => x.id).join(", ") || "none"})`,
            ...child.file ? { file: child.file } : {}
          }
        ]
      };
    if (!v)
      return {
        ok: false,
        issues: [
          {
            code: "unknown_variant",
            path: "variant",
            message: `no variant "${id}" (known: ${scenario.variants.map((x) => x.id).join(", ") || "none"})`
          }
        ]
      };
    if (chain.some((x) => x.id === v.id))
      return {
        ok: false,
        issues: [
          {
            code: "variant_cycle",
            path: "base",
            message: `variants form a cycle through "${v.id}"`,
            ...v.file ? { file: v.file } : {}
          }
        ]
      };
    chain.unshift(v);
    child = v;
    id = v.base;
  }
  return { ok: true, value: chain };
}
function applyVariant(scenario, changes, options = {}) {
  const path = options.path ?? "changes";
  const applied = applyChangesToRaw(scenario.raw, changes, path);
  if (applied.issues.length > 0) return { ok: false, issues: withFile(applied.issues, options.file) };
  const fileOption = options.file ? { file: options.file } : {};
  const validated = options.dryRun === false ? validateStructure(applied.raw, fileOption) : validateScenario(applied.raw, fileOption);
  if (!validated.ok) return validated;
  const unknown = (validated.warnings ?? []).filter(
    (w) => w.code === "unknown_field" && changes.some((c) => w.path === c.set || w.path.startsWith(`${c.set}.`) || c.set.startsWith(`${w.path}.`))
  );
  if (unknown.length > 0)
    return {
      ok: false,
      issues: unknown.map((w) => ({
        code: "unknown_path",
        path: w.path,
        message: `a change sets "${w.path}", which the scenario format does not know`,
        ...options.file ? { file: options.file } : {}
      }))
    };
  const id = options.id ?? "edit";
  const value = {
    ...validated.value,
    variants: scenario.variants,
    variantId: id,
    lineage: [...scenario.lineage, id],
    changeCount: scenario.changeCount + changes.length
  };
  shareComputation(validated.value, value);
  return { ok: true, value };
}
function resolveChain(scenario, variantId, dry, cache) {
  const chain = variantChain(scenario, variantId);
  if (!chain.ok) return chain;
  let current = scenario;
  for (const v of chain.value) {
    let r = cache?.get(v.id);
    if (!r) {
      r = applyVariant(current, v.changes, {
        id: v.id,
        path: v.file ? "changes" : `variants[id=${v.id}].changes`,
        ...v.file ? { file: v.file } : {},
        ...dry
      });
      cache?.set(v.id, r);
    }
    if (!r.ok) return r;
    current = r.value;
  }
  return { ok: true, value: current };
}

// packages/model/src/index.ts
init_formula();
init_formula_parser();

// packages/model/src/analysis/random.ts
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";

// packages/model/src/import/read.ts
import Papa from "papaparse";

// packages/model/src/import/workbook.ts
var MAX_IMPORT_BYTES = 10 * 1024 * 1024;

// packages/model/src/legal-form/key-preview.ts
init_formula();

// packages/model/src/game/file.ts
import Fraction from "fraction.js";

// packages/model/src/game/shapley.ts
import Fraction2 from "fraction.js";

// packages/model/src/game/nucleolus.ts
import Fraction5 from "fraction.js";

// packages/model/src/game/span.ts
import Fraction3 from "fraction.js";

// packages/model/src/game/simplex.ts
import Fraction4 from "fraction.js";
var ZERO2 = new Fraction4(0);
var ONE6 = new Fraction4(1);

// packages/model/src/game/solve.ts
import Fraction6 from "fraction.js";

// packages/model/src/fairness/game.ts
import Fraction7 from "fraction.js";
var ONE7 = new Decimal(1);

// packages/model/src/fairness/report.ts
import Fraction8 from "fraction.js";

// packages/model/bench/_tmp_solve.ts
var dir = "/work/wt-perf/scenarios/servicepunt71";
var texts = { scenario: readFileSync(join2(dir, "scenario.yaml"), "utf8"), file: "scenario.yaml" };
var loaded = loadScenarioFromTexts(texts);
var { years } = computeYears(loaded.value);
var problem = years[3].allocation.problem;
console.log(problem.pools.map((p) => [p.id, p.cost.toString(), [...p.drivers].map(([k, v]) => k + "=" + v).join(" ")].join(" ")).join("\n"));
var time = (label2, fn, n = 2e3) => {
  for (let i = 0; i < 200; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  console.log(label2, ((performance.now() - t0) / n * 1e3).toFixed(1), "\xB5s");
};
if (process.argv[2] !== "r") time("exact", () => allocateReciprocal(problem));
if (process.argv[2] !== "e") time("refined", () => allocateReciprocal(problem, "refined"));
