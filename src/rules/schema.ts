import type { Rule } from "../lint/rule.js";

/** Documents that do not match the JSON schema of their kind. */
export const schema: Rule = {
  id: "schema",
  description:
    "Each document matches the JSON schema of its kind (keys, types, ids, dates, durations).",
  defaultSeverity: "error",
  fixed: true,
  messages: { problem: "{message}" },
  defaultOptions: {},
  check({ schemaIssues, report }) {
    for (const issue of schemaIssues) {
      report({
        messageId: "problem",
        data: { message: issue.message },
        at: {
          file: issue.file,
          document: issue.document,
          pointer: issue.pointer,
          target: issue.target,
        },
      });
    }
  },
};
