import { UsageError } from "../errors.js";
import { BUILT_IN_CHANNELS, DEFAULT_INCLUDE, STANDARD_INDICATORS } from "../model/defaults.js";
import {
  contactPolicyOf,
  isObject,
  textDate,
  textDuration,
  writtenDuration,
} from "../model/fields.js";
import type {
  Channel,
  ContactPolicy,
  Indicator,
  WrittenDate,
  WrittenDuration,
} from "../model/types.js";
import { parseDuration } from "../survey/civil.js";
import { didYouMean } from "../validate/suggest.js";
import { SEVERITY_SETTINGS, type SeveritySetting } from "./finding.js";
import { optionProblems } from "./options.js";
import type { AnyRule } from "./rule.js";

/** The workspace configuration with every default filled in. */
export interface Config {
  /** The config file, relative to the current directory; null when running on defaults. */
  file: string | null;
  include: string[];
  ignore: string[];
  /** The channel vocabulary: the built-in channels and the config's, or the config's alone. */
  channels: Channel[];
  /** nps, csat, ces and the config's indicators. */
  indicators: Indicator[];
  rules: Record<string, RuleSetting>;
  /** A journey whose `reviewed` date is older than this is stale (ISO 8601 duration, default P12M). */
  staleAfter: WrittenDuration;
  /** The workspace's contact policy, for personas without their own. */
  contactPolicy: ContactPolicy | null;
  calendar: CalendarSetting;
}

/** The default range of `journey calendar`: from `start` (default: today) for `horizon`. */
export interface CalendarSetting {
  start: WrittenDate | null;
  /** Default P12M. */
  horizon: WrittenDuration;
}

/** A year: the default of `staleAfter` and `calendar.horizon`, parsed once. */
const A_YEAR: WrittenDuration = { text: "P12M", duration: parseDuration("P12M") };

export interface RuleSetting {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}

/**
 * The built-in entries, then the config's, each id once: a config entry with the id of a built-in
 * one stays in its place and overrides what it gives (a label, a scale).
 */
function vocabulary<T extends { id: string }>(builtIn: readonly T[], added: readonly T[]): T[] {
  const byId = new Map<string, T>(builtIn.map((entry) => [entry.id, entry]));
  for (const entry of added) byId.set(entry.id, { ...byId.get(entry.id), ...entry });
  return [...byId.values()];
}

/** The config's `channels` or `indicators`, each written as an id alone or as a mapping. */
const entries = <T extends { id: string }>(list: unknown): T[] =>
  ((list ?? []) as (string | T)[]).map((entry) =>
    typeof entry === "string" ? ({ id: entry } as T) : entry,
  );

/**
 * Builds the configuration from a config document that passed its schema (or from nothing).
 * Config `channels` are added to the built-in vocabulary, or replace it with `replaceChannels:
 * true`; `indicators` are added to nps, csat and ces.
 */
export function resolveConfig(raw: Record<string, unknown> | null, file: string | null): Config {
  const data = raw ?? {};
  const rules: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries((data.rules ?? {}) as Record<string, unknown>)) {
    rules[id] = Array.isArray(value)
      ? {
          severity: value[0] as SeveritySetting,
          ...(value[1] ? { options: value[1] as Record<string, unknown> } : {}),
        }
      : { severity: value as SeveritySetting };
  }
  const channels = entries<Channel>(data.channels);
  const indicators = entries<Indicator>(data.indicators);
  const calendar = isObject(data.calendar) ? data.calendar : {};
  return {
    file,
    include: (data.include as string[] | undefined) ?? [...DEFAULT_INCLUDE],
    ignore: (data.ignore as string[] | undefined) ?? [],
    channels: vocabulary(data.replaceChannels === true ? [] : BUILT_IN_CHANNELS, channels),
    indicators: vocabulary(STANDARD_INDICATORS, indicators),
    rules,
    staleAfter: writtenDuration(data.staleAfter ?? undefined) ?? A_YEAR,
    contactPolicy: contactPolicyOf(data.contactPolicy),
    calendar: {
      start: textDate(calendar.start),
      horizon: textDuration(calendar.horizon) ?? A_YEAR,
    },
  };
}

/** Parses one `--rule <id>=<severity>` flag. */
export function parseRuleFlag(flag: string): [string, SeveritySetting] {
  const match = /^([^=]+)=(.*)$/.exec(flag);
  const severity = match?.[2]?.trim() ?? "";
  if (!match || !(SEVERITY_SETTINGS as readonly string[]).includes(severity)) {
    throw new UsageError(
      `--rule expects <id>=<severity> with severity ${SEVERITY_SETTINGS.join(", ")}, got "${flag}"`,
    );
  }
  return [(match[1] ?? "").trim(), severity as SeveritySetting];
}

/** A rule as it will run: its severity and options after config and flags. */
export interface ActiveRule {
  rule: AnyRule;
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/**
 * Applies the config's `rules` then the `--rule` flags over the registry's defaults. Unknown ids
 * and attempts to change a structural rule are invocation errors (exit 2), with a suggestion.
 */
export function activeRules(
  registry: readonly AnyRule[],
  config: Config,
  flags: readonly [string, SeveritySetting][],
): ActiveRule[] {
  const byId = new Map(registry.map((r) => [r.id, r]));
  const settings = new Map<string, RuleSetting>();
  const apply = (id: string, setting: RuleSetting, origin: string) => {
    const rule = byId.get(id);
    if (!rule)
      throw new UsageError(`${origin}: unknown rule "${id}"${didYouMean(id, byId.keys())}`);
    if (rule.fixed)
      throw new UsageError(
        `${origin}: rule "${id}" is always on at error and cannot be configured`,
      );
    if (setting.options) {
      if (!rule.optionsSchema) throw new UsageError(`${origin}: rule "${id}" takes no options`);
      const problems = optionProblems(rule.optionsSchema, setting.options);
      if (problems.length > 0)
        throw new UsageError(`${origin}: rule "${id}": ${problems.join("; ")}`);
    }
    settings.set(id, { ...settings.get(id), ...setting });
  };
  for (const [id, setting] of Object.entries(config.rules))
    apply(id, setting, config.file ?? "config");
  for (const [id, severity] of flags) apply(id, { severity }, "--rule");
  return registry.map((rule) => {
    const setting = settings.get(rule.id);
    return {
      rule,
      severity: setting?.severity ?? rule.defaultSeverity,
      options: { ...rule.defaultOptions, ...setting?.options },
    };
  });
}
