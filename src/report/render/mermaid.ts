import type { RenderFormatter } from "./index.js";

// Placeholder while this format is being written (replaced by its real module).
export const mermaid: RenderFormatter = () => {
  throw new Error("journey render --format mermaid is not written yet");
};
