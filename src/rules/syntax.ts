import type { Rule } from "../lint/rule.js";

/** YAML that cannot be read: every problem the parser met, at its place. */
export const syntax: Rule = {
  id: "syntax",
  description:
    "The YAML can be parsed: no syntax error, no duplicate key, no alias bomb, UTF-8 text.",
  defaultSeverity: "error",
  fixed: true,
  messages: { problem: "{message}" },
  defaultOptions: {},
  check({ files, report }) {
    for (const file of files) {
      for (const issue of file.issues) {
        report({
          messageId: "problem",
          data: { message: issue.message },
          at: { file: file.path, span: [issue.offset, issue.endOffset] },
        });
      }
    }
  },
};
