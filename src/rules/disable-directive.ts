import type { Rule } from "../lint/rule.js";

/**
 * Suppression comments are findings too: one that silences nothing, names an unknown rule or a
 * structural one, or gives no reason is itself reported, so that silenced problems stay explained.
 */
export const disableDirective: Rule = {
  id: "disable-directive",
  description:
    "Every journey-disable-next-line comment silences something, names known rules that can be disabled, and gives a reason.",
  defaultSeverity: "warning",
  messages: {
    unused: 'journey-disable-next-line "{rule}" silences nothing on the next line: remove it',
    unknown: 'journey-disable-next-line names an unknown rule "{rule}"{hint}',
    fixed: 'journey-disable-next-line cannot disable "{rule}": structural rules are always on',
    reason: 'journey-disable-next-line "{rule}" gives no reason: add " -- <why>"',
  },
  defaultOptions: {},
  runsLast: true,
  check({ directiveProblems, report }) {
    for (const p of directiveProblems) {
      report({
        messageId: p.kind,
        data: { rule: p.rule, hint: p.suggestion ? `; did you mean "${p.suggestion}"?` : "" },
        at: { file: p.file, span: p.span },
      });
    }
  },
};
