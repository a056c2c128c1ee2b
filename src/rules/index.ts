import type { AnyRule } from "../lint/rule.js";
import { contactPressure } from "./contact-pressure.js";
import { disableDirective } from "./disable-directive.js";
import { duplicateId } from "./duplicate-id.js";
import { indicatorScale } from "./indicator-scale.js";
import { indicatorWithoutQuestion } from "./indicator-without-question.js";
import { internalStep } from "./internal-step.js";
import { keyMomentWithoutSurvey } from "./key-moment-without-survey.js";
import { missingSatisfaction } from "./missing-satisfaction.js";
import { orphanPersona } from "./orphan-persona.js";
import { redundantIndicator } from "./redundant-indicator.js";
import { redundantQuestion } from "./redundant-question.js";
import { schema } from "./schema.js";
import { stageWithoutSurvey } from "./stage-without-survey.js";
import { staleMap } from "./stale-map.js";
import { surveyChannelMismatch } from "./survey-channel-mismatch.js";
import { syntax } from "./syntax.js";
import { unknownReference } from "./unknown-reference.js";
import { unscheduledSurvey } from "./unscheduled-survey.js";
import { unsupportedClaim } from "./unsupported-claim.js";

/**
 * Every rule, in the order `journey rules` lists them: structure, survey strategy, mapping
 * quality, then the check of suppression comments. Adding a rule: one file here, one doc page,
 * one test.
 */
export const RULES: readonly AnyRule[] = [
  syntax,
  schema,
  duplicateId,
  unknownReference,
  stageWithoutSurvey,
  keyMomentWithoutSurvey,
  surveyChannelMismatch,
  redundantQuestion,
  redundantIndicator,
  indicatorScale,
  indicatorWithoutQuestion,
  contactPressure,
  unscheduledSurvey,
  internalStep,
  missingSatisfaction,
  unsupportedClaim,
  staleMap,
  orphanPersona,
  disableDirective,
];
